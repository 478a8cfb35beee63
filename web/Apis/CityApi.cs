using GridCommand.Contracts;
using GridCommand.Contracts.Cells;
using GridCommand.Contracts.Stations;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Stations;
using GridCommand.Silo.Storage;
using GridCommand.Web.Auth;
using GridCommand.Web.Live;

namespace GridCommand.Web.Apis;

/// <summary>The city's layout and live state: grid cells, stations, KPIs. The wall reads the layout and the KPIs, not a cell's roster or a station's units.</summary>
public static class CityApi
{
    public static IEndpointRouteBuilder MapCityApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("City");

        api.MapGet("/cells", (CityGrid grid) => grid.Cells.Select(c => new
        {
            id = c.Id,
            name = c.Name,
            district = c.District,
            polygon = c.Polygon.Select(p => new[] { p.Lat, p.Lon }),
        })).RequireAuthorization(Roles.Policies.WallScreen);

        // Only a cell of the city's layout is a grain worth asking.
        api.MapGet("/cells/{cellId}", async (string cellId, CityGrid grid, IGrainFactory grains) =>
            grid.Find(cellId) is not null && await grains.GetGrain<ICellGrain>(cellId).Get() is { } cell
                ? Results.Ok(cell)
                : Problems.NotFound($"No grid cell {cellId}.")).RequireAuthorization(Roles.Policies.Staff);

        api.MapGet("/stations", async (GridDatabase database) =>
            (await database.Grains.ReadAllAsync(GrainKinds.Station))
                .Select(row => (row.Id, State: row.State<StationState>()))
                .Where(s => s.State.Registered)
                .Select(s => StationView.Of(s.Id, s.State))
                .OrderBy(s => s.StationId, StringComparer.Ordinal))
            .RequireAuthorization(Roles.Policies.WallScreen);

        api.MapGet("/stations/{stationId}", async (string stationId, IGrainFactory grains) =>
            await grains.GetGrain<IStationGrain>(stationId).Get() is { } station ? Results.Ok(station) : Problems.NotFound($"No station {stationId}."))
            .RequireAuthorization(Roles.Policies.Staff);

        api.MapGet("/kpis", (LiveCity city, TimeProvider clock) => Kpis.Compute(city.Incidents, city.Units, clock.GetUtcNow(), city.Clock))
            .RequireAuthorization(Roles.Policies.WallScreen);
        return app;
    }
}
