using GridCommand.Rules.Stations;

namespace GridCommand.Contracts.Stations;

[GenerateSerializer, Immutable]
public sealed record StationView(string StationId, string Name, StationKind Kind, double Lat, double Lon, IReadOnlyList<string> CellIds, IReadOnlyList<string> UnitIds)
{
    public static StationView Of(string id, StationState s) => new(id, s.Name, s.Kind, s.Lat, s.Lon, s.CellIds.ToList(), s.UnitIds.ToList());
}
