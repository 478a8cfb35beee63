using GridCommand.Rules.Stations;

namespace GridCommand.Contracts.Stations;

[GenerateSerializer, Immutable]
public sealed record StationRegistration(string Name, StationKind Kind, double Lat, double Lon, IReadOnlyList<string> CellIds);
