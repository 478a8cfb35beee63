using GridCommand.Rules.Coverage;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Units;
using GridCommand.Web.Auth;
using GridCommand.Web.Live;

namespace GridCommand.Web.Apis;

/// <summary>The unit that holds a rapid-response point, as the live picture has it (all null but the id for a unit it does not know).</summary>
public sealed record PointHolder(string UnitId, string? Name, UnitKind? Kind, DutyStatus? Status, bool? Stale, double? Lat, double? Lon, DateTimeOffset? FixAt)
{
    public static PointHolder Of(string unitId, UnitSnapshot? u) => new(unitId, u?.Name, u?.Kind, u?.Status, u?.Stale, u?.Lat, u?.Lon, u?.FixAt);
}

public sealed record RapidResponsePointView(string Id, string Name, double Lat, double Lon, IReadOnlyList<PointHolder> Holders)
{
    /// <param name="units">the live picture's units by id</param>
    public static RapidResponsePointView Of(RapidResponsePoint p, IReadOnlyDictionary<string, UnitSnapshot> units) =>
        new(p.Id, p.Name, p.Lat, p.Lon, p.Units.Select(id => PointHolder.Of(id, units.GetValueOrDefault(id))).ToList());
}

/// <summary>1-3-5 minute coverage and the rapid-response points, from this node's live picture: no grain is asked.</summary>
public static class CoverageApi
{
    public static IEndpointRouteBuilder MapCoverageApi(this IEndpointRouteBuilder app)
    {
        // Made now, so a point configured wrong stops the node at start instead of failing the route.
        app.ServiceProvider.GetRequiredService<RapidResponsePoints>();
        var api = app.MapGroup("/api").WithTags("Coverage");

        api.MapGet("/coverage", (LiveCity city, CityGrid grid) =>
                CityCoverage.Of(grid.Cells.Select(c => c.Id), city.Cells.ToDictionary(c => c.CellId)))
            .RequireAuthorization(Roles.Policies.WallScreen)
            .WithDescription("The share of all grid cells whose fastest available unit reaches the cell's centre within 1, 3 and 5 minutes "
                             + "(0..1), and per cell its best ETA in seconds (`etaSeconds`, null when nobody reaches it within 5 minutes) and that unit.");

        api.MapGet("/rapid-response-points", (RapidResponsePoints points, LiveCity city) =>
            {
                var units = city.Units.ToDictionary(u => u.UnitId);
                return points.All.Select(p => RapidResponsePointView.Of(p, units));
            })
            .RequireAuthorization(Roles.Policies.WallScreen)
            .WithDescription("The configured rapid-response points (快速反应点), each with the units holding it and their live status and position.");
        return app;
    }
}
