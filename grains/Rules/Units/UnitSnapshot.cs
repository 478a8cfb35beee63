namespace GridCommand.Rules.Units;

/// <summary>What others see of a unit: cell rosters, the wall, the unit list. Lat/Lon are null before the first fix.</summary>
public sealed record UnitSnapshot(
    string UnitId,
    UnitKind Kind,
    string Name,
    DutyStatus Status,
    double? Lat,
    double? Lon,
    DateTimeOffset? FixAt,
    double? HeadingDeg,
    bool Stale,
    string? StationId,
    string? CellId,
    string? TaskId,
    long Seq);
