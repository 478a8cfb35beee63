using GridCommand.Rules.Cells;
using GridCommand.Rules.Checkins;
using GridCommand.Rules.Units;

namespace GridCommand.Contracts.Cells;

/// <summary>
/// What the grid knows of a cell: its station and grid worker, the units inside now, its open and recent incidents
/// (<see cref="Incidents"/>; <see cref="OpenIncidents"/> are the open ones' ids), today's counts and its 1-3-5 minute
/// coverage (the fastest available unit to its centre; null when none is within reach) and the units' check-ins of the
/// last day here, newest first.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CellView(
    string CellId,
    string Name,
    string District,
    string? StationId,
    string? StationName,
    GridWorker? GridWorker,
    IReadOnlyList<double[]> Polygon,
    IReadOnlyList<string> Neighbours,
    IReadOnlyList<UnitSnapshot> Units,
    IReadOnlyList<string> OpenIncidents,
    IReadOnlyList<CellIncident> Incidents,
    IReadOnlyDictionary<string, int> IncidentsToday,
    CellCoverage? Coverage,
    IReadOnlyList<Checkin> Checkins);
