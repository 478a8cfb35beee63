using Akka.Cluster;
using GridCommand.Silo.Hosting;

namespace GridCommand.Web.Apis;

public static class HealthApi
{
    /// <summary>GET /health: this node's cluster view; 503 until the node is up.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (GridNode node) =>
        {
            var cluster = Cluster.Get(node.System);
            var up = cluster.SelfMember.Status == MemberStatus.Up;
            var body = new
            {
                status = up ? "up" : cluster.SelfMember.Status.ToString().ToLowerInvariant(),
                node = cluster.SelfAddress.ToString(),
                members = cluster.State.Members.Select(m => new { address = m.Address.ToString(), status = m.Status.ToString(), roles = m.Roles }),
                cells = node.Runtime.Grid.Cells.Count,
            };
            return up ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
        return app;
    }
}
