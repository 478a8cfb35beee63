using GridCommand.Grains.Actors;
using GridCommand.Grains.Messages;
using GridCommand.Grains.Serialization;
using GridCommand.Grains.Stations;
using GridCommand.Silo.Hosting;
using GridCommand.Silo.Storage;
using GridCommand.Web.Auth;
using GridCommand.Web.Live;

namespace GridCommand.Web.Apis;

/// <summary>The city's layout and live state: grid cells, stations, KPIs.</summary>
public static class CityApi
{
    public static IEndpointRouteBuilder MapCityApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("City").RequireAuthorization(Roles.Policies.Staff);

        api.MapGet("/cells", (GridNode node) => node.Runtime.Grid.Cells.Select(c => new
        {
            id = c.Id,
            name = c.Name,
            district = c.District,
            polygon = c.Polygon.Select(p => new[] { p.Lat, p.Lon }),
        }));

        api.MapGet("/cells/{cellId}", async (string cellId, GridNode node) =>
            GrainReplies.Map<CellView>(await node.Ask(node.Cells, new GetCell(cellId)), Results.Ok));

        api.MapGet("/stations", async (GrainStorage storage) =>
            (await storage.States.ReadAllAsync(GrainKinds.Station))
                .Select(row => (row.Id, State: GrainJson.Deserialize<StationState>(row.Payload)))
                .Where(s => s.State.Registered)
                .Select(s => StationView.Of(s.Id, s.State))
                .OrderBy(s => s.StationId, StringComparer.Ordinal));

        api.MapGet("/stations/{stationId}", async (string stationId, GridNode node) =>
            GrainReplies.Map<StationView>(await node.Ask(node.Stations, new GetStation(stationId)), Results.Ok));

        api.MapGet("/kpis", (LiveCity city, TimeProvider clock) => Kpis.Compute(city.Incidents, city.Units, clock.GetUtcNow()));
        return app;
    }
}
