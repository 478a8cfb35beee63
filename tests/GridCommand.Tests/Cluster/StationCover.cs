using GridCommand.Contracts.Cells;
using GridCommand.Contracts.Stations;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Stations;

namespace GridCommand.Tests.Cluster;

/// <summary>A station of a test's own over one cell, registered and known to the cell before the test goes on.</summary>
public static class StationCover
{
    public static async Task Register(IGrainFactory grains, string stationId, string name, GridCell cell)
    {
        await grains.GetGrain<IStationGrain>(stationId).Register(new StationRegistration(name, StationKind.PoliceRoom, cell.Centre.Lat, cell.Centre.Lon, [cell.Id]));
        await Eventually.Until(async () => await grains.GetGrain<ICellGrain>(cell.Id).StationId() == stationId, TimeSpan.FromSeconds(10), "the cell knows its station");
    }
}
