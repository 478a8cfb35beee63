using GridCommand.Rules.Cells;

namespace GridCommand.Rules.Coverage;

/// <summary>
/// A cell's side of the coverage (in memory, not stored): each unit that reaches it, with its ETA, the entry's sequence
/// number and when the entry expires unless refreshed. A withdrawal is kept until it expires too, so a late, older
/// entry cannot bring the unit back.
/// </summary>
public sealed class CellCoverageBook
{
    private readonly Dictionary<string, (int? Eta, long Seq, DateTimeOffset Expires)> _units = new();

    public bool IsEmpty => _units.Count == 0;

    /// <summary>Takes the entry unless the cell knows a newer one of that unit.</summary>
    public void Apply(CoverageEntry entry, DateTimeOffset now, TimeSpan lifetime)
    {
        if (_units.TryGetValue(entry.UnitId, out var known) && known.Seq > entry.Seq) return;
        _units[entry.UnitId] = (entry.EtaSeconds, entry.Seq, now + lifetime);
    }

    /// <summary>Forgets entries not refreshed in time: their unit's silo died, or the unit went away without a word.</summary>
    public void Expire(DateTimeOffset now)
    {
        foreach (var (unitId, entry) in _units)
            if (entry.Expires <= now) _units.Remove(unitId);
    }

    /// <returns>the fastest unit and its ETA (ties by unit id, so every node agrees); null when nobody reaches the cell.</returns>
    public CellCoverage? Best()
    {
        CellCoverage? best = null;
        foreach (var (unitId, entry) in _units)
        {
            if (entry.Eta is not { } eta) continue;
            if (best is null || eta < best.EtaSeconds || (eta == best.EtaSeconds && string.CompareOrdinal(unitId, best.UnitId) < 0))
                best = new CellCoverage(eta, unitId);
        }
        return best;
    }
}
