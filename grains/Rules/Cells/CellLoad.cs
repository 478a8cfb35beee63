using GridCommand.Rules.Units;

namespace GridCommand.Rules.Cells;

/// <summary>
/// What the wall draws of a cell when it is too far out to draw units: how many units are in it (any status), how many
/// of those are on duty with a fresh fix, by kind (a stale unit's whereabouts are not known), how many are busy with a
/// task, and its open incidents; <see cref="Coverage"/>: the fastest unit to its centre, null when none is within reach.
/// Equal when every figure is: a cell sends its load on only when it changed.
/// </summary>
public sealed record CellLoad(
    string CellId,
    int Units,
    IReadOnlyDictionary<UnitKind, int> OnDuty,
    int Busy,
    int OpenIncidents,
    CellCoverage? Coverage)
{
    public bool Equals(CellLoad? other) =>
        other is not null && CellId == other.CellId && Units == other.Units && Busy == other.Busy
        && OpenIncidents == other.OpenIncidents && Coverage == other.Coverage
        && OnDuty.Count == other.OnDuty.Count && OnDuty.All(k => other.OnDuty.TryGetValue(k.Key, out var n) && n == k.Value);

    public override int GetHashCode() => HashCode.Combine(CellId, Units, Busy, OpenIncidents);
}

/// <summary>The fastest ETA of any available unit to the cell's centre, and that unit; covered within 1, 3, 5 minutes by it.</summary>
public sealed record CellCoverage(int EtaSeconds, string UnitId)
{
    public bool WithinOneMinute => EtaSeconds <= 60;
    public bool WithinThreeMinutes => EtaSeconds <= 180;
    public bool WithinFiveMinutes => EtaSeconds <= 300;
}
