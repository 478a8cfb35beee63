using GridCommand.Rules.Units;

namespace GridCommand.Contracts.Cells;

[GenerateSerializer, Immutable]
public sealed record CellView(
    string CellId,
    string Name,
    string District,
    string? StationId,
    IReadOnlyList<double[]> Polygon,
    IReadOnlyList<string> Neighbours,
    IReadOnlyList<UnitSnapshot> Units,
    IReadOnlyList<string> OpenIncidents,
    IReadOnlyDictionary<string, int> IncidentsToday);
