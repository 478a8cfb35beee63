using GridCommand.Contracts;
using GridCommand.Grains.Cells;
using GridCommand.Grains.Incidents;
using GridCommand.Grains.Stations;
using GridCommand.Grains.Units;
using GridCommand.Rules.Geo;
using GridCommand.Silo.Hosting;

namespace GridCommand.Web.Apis;

public static class HealthApi
{
    private static readonly Dictionary<string, string> KindOfGrainClass = new()
    {
        [typeof(UnitGrain).FullName!] = GrainKinds.Unit,
        [typeof(CellGrain).FullName!] = GrainKinds.Cell,
        [typeof(StationGrain).FullName!] = GrainKinds.Station,
        [typeof(IncidentGrain).FullName!] = GrainKinds.Incident,
    };

    /// <summary>GET /health: the cluster as this node sees it and how many grains of each kind are live; 503 while the cluster cannot answer.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (IGrainFactory grains, ClusterSettings cluster, CityGrid grid, IServiceProvider services) =>
        {
            var silo = services.GetService<ILocalSiloDetails>()?.SiloAddress.ToString();
            try
            {
                var management = grains.GetGrain<IManagementGrain>(0);
                var members = await management.GetDetailedHosts(onlyActive: false);
                var statistics = await management.GetSimpleGrainStatistics();
                return Results.Ok(new
                {
                    status = "up",
                    node = silo ?? "client",
                    role = cluster.IsClient ? "client" : "silo",
                    members = members.Select(m => new { address = m.SiloAddress.ToString(), name = m.SiloName, status = m.Status.ToString() }),
                    cells = grid.Cells.Count,
                    liveGrains = KindOfGrainClass.Values.ToDictionary(kind => kind, kind => statistics
                        .Where(s => KindOf(s.GrainType) == kind).Sum(s => s.ActivationCount)),
                });
            }
            catch (Exception e) when (Hosting.GridExceptionHandler.IsGridUnavailable(e))
            {
                return Results.Json(new { status = "unavailable", node = silo ?? "client" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).AllowAnonymous();
        return app;
    }

    /// <summary>Orleans names a grain type "Namespace.Class,Assembly".</summary>
    private static string? KindOf(string grainType) => KindOfGrainClass.GetValueOrDefault(grainType.Split(',')[0]);
}
