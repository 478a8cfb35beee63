using GridCommand.Grains.Stations;

namespace GridCommand.Grains.Messages;

public interface IStationMessage : IGrainMessage
{
    string StationId { get; }
    string IGrainMessage.EntityId => StationId;
}

/// <summary>Creates or updates a station; replies <see cref="StationView"/>.</summary>
public sealed record RegisterStation(string StationId, string Name, StationKind Kind, double Lat, double Lon, IReadOnlyList<string> CellIds) : IStationMessage;

/// <summary>From a unit grain when a unit is enrolled under (or moved to) the station.</summary>
public sealed record UnitJoinedStation(string StationId, string UnitId) : IStationMessage;

public sealed record UnitLeftStation(string StationId, string UnitId) : IStationMessage;

public sealed record GetStation(string StationId) : IStationMessage;

public sealed record StationView(string StationId, string Name, StationKind Kind, double Lat, double Lon, IReadOnlyList<string> CellIds, IReadOnlyList<string> UnitIds) : IProtocolMessage
{
    public static StationView Of(string id, StationState s) => new(id, s.Name, s.Kind, s.Lat, s.Lon, s.CellIds, s.UnitIds.ToList());
}
