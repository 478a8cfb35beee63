using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using GridCommand.Grains.Actors;
using GridCommand.Silo.Hosting;

namespace GridCommand.Web.Apis;

public static class HealthApi
{
    private static readonly string[] Kinds = [GrainKinds.Unit, GrainKinds.Cell, GrainKinds.Station, GrainKinds.Incident];
    private static readonly TimeSpan StatsTimeout = TimeSpan.FromSeconds(3);

    /// <summary>GET /health: this node's cluster view and how many grains of each kind are live; 503 until the node is up.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (GridNode node) =>
        {
            var cluster = Cluster.Get(node.System);
            var up = cluster.SelfMember.Status == MemberStatus.Up;
            var body = new
            {
                status = up ? "up" : cluster.SelfMember.Status.ToString().ToLowerInvariant(),
                node = cluster.SelfAddress.ToString(),
                members = cluster.State.Members.Select(m => new { address = m.Address.ToString(), status = m.Status.ToString(), roles = m.Roles }),
                cells = node.Runtime.Grid.Cells.Count,
                liveGrains = up ? await LiveGrains(node) : null,
            };
            return up ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
        return app;
    }

    /// <summary>Active entities per grain kind across the cluster (sharding's own statistics).</summary>
    private static async Task<Dictionary<string, int>> LiveGrains(GridNode node)
    {
        var counts = new Dictionary<string, int>();
        foreach (var kind in Kinds)
        {
            var stats = await node.System.Region(kind).Ask<ClusterShardingStats>(new GetClusterShardingStats(StatsTimeout), StatsTimeout + StatsTimeout);
            counts[kind] = stats.Regions.Values.Sum(r => r.Stats.Values.Sum());
        }
        return counts;
    }
}
