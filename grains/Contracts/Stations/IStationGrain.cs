namespace GridCommand.Contracts.Stations;

/// <summary>A warning station, keyed by its id: its place, the cells it covers and the units enrolled under it.</summary>
public interface IStationGrain : IGrainWithStringKey
{
    /// <summary>Creates or updates the station and tells each of its cells; saved before it answers.</summary>
    Task<StationView> Register(StationRegistration registration);

    [OneWay]
    Task UnitJoined(string unitId);

    [OneWay]
    Task UnitLeft(string unitId);

    /// <returns>null when no station is registered under this id.</returns>
    Task<StationView?> Get();
}
