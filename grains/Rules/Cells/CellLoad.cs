using GridCommand.Rules.Units;

namespace GridCommand.Rules.Cells;

/// <summary>
/// What the wall draws of a cell when it is too far out to draw units: how many units are in it (any status), how many
/// of those are on duty with a fresh fix, by kind (a stale unit's whereabouts are not known), how many are busy with a
/// task, and its open incidents. <see cref="Coverage"/> stays null until the coverage is computed (a later issue).
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

/// <summary>How many units could reach the cell within one, three and five minutes.</summary>
public sealed record CellCoverage(int WithinOneMinute, int WithinThreeMinutes, int WithinFiveMinutes);
