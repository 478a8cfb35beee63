namespace GridCommand.Rules.Coverage;

/// <summary>
/// A unit's side of the coverage (in memory, not stored): what it last told each cell. Given its reach now, it works
/// out what to tell: a cell that entered the reach, whose ETA moved by at least the step, or (null ETA) that left it;
/// everything in a refresh. A unit that cannot be sent (assigned, off duty, stale) has no reach: all its cells are withdrawn.
/// </summary>
public sealed class UnitCoverage(CoverageSettings settings)
{
    private readonly int _step = (int)settings.EtaStep.TotalSeconds;
    private readonly Dictionary<string, int> _told = new();

    private DateTimeOffset _refreshedAt = DateTimeOffset.MinValue;

    public bool RefreshDue(DateTimeOffset now) => now - _refreshedAt >= settings.RefreshInterval;

    /// <param name="reach">cell id → ETA seconds; null when the unit covers nothing.</param>
    /// <returns>what each cell that must hear of it is told, by cell id.</returns>
    public List<(string CellId, int? EtaSeconds)> Changes(IReadOnlyDictionary<string, int>? reach, bool refresh, DateTimeOffset now)
    {
        var changes = new List<(string, int?)>();
        reach ??= new Dictionary<string, int>();
        foreach (var (cellId, eta) in reach)
        {
            if (refresh || !_told.TryGetValue(cellId, out var told) || Math.Abs(told - eta) >= _step || (eta == 0) != (told == 0))
            {
                changes.Add((cellId, eta));
                _told[cellId] = eta;
            }
        }
        foreach (var cellId in _told.Keys.Where(id => !reach.ContainsKey(id)).ToList())
        {
            changes.Add((cellId, null));
            _told.Remove(cellId);
        }
        if (refresh) _refreshedAt = now;
        return changes;
    }
}
