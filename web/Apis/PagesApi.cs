using GridCommand.Grains;
using GridCommand.Rules;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Units;

namespace GridCommand.Web.Apis;

/// <summary>The "Map" section: an optional tile server for the pages' maps (none: a plain dark grid).</summary>
public sealed class MapOptions
{
    /// <summary>A Leaflet URL template such as https://tiles.example/{z}/{x}/{y}.png; empty for no tiles.</summary>
    public string? TileUrl { get; set; }
    public string? Attribution { get; set; }
}

/// <summary>The screens (static files under wwwroot) at short paths, and the little configuration they read.</summary>
public static class PagesApi
{
    private static readonly Dictionary<string, string> Pages = new()
    {
        ["/wall"] = "wall.html",
        ["/dispatch"] = "dispatch.html",
        ["/field"] = "field.html",
        ["/login"] = "login.html",
        ["/replay"] = "replay.html",
        ["/station"] = "station.html",
    };

    public static IEndpointRouteBuilder MapPagesApi(this IEndpointRouteBuilder app)
    {
        foreach (var (path, file) in Pages)
        {
            app.MapGet(path, (IWebHostEnvironment env) =>
            {
                var info = env.WebRootFileProvider.GetFileInfo(file);
                return info.Exists ? Results.Stream(info.CreateReadStream(), "text/html; charset=utf-8") : Results.NotFound();
            }).AllowAnonymous().ExcludeFromDescription();
        }

        // Anonymous: a kiosk needs the map before it has a token; nothing here is secret. The rules the pages
        // apply too (when a fix is stale, which statuses count as open or active) come from here, not from copies.
        app.MapGet("/api/config", (IConfiguration config, CityGrid grid, CityClock city, GrainSettings grains) =>
        {
            var map = config.GetSection("Map").Get<MapOptions>() ?? new MapOptions();
            var b = grid.Bounds;
            return new
            {
                tileUrl = string.IsNullOrWhiteSpace(map.TileUrl) ? null : map.TileUrl,
                attribution = map.Attribution,
                bounds = new { south = b.South, west = b.West, north = b.North, east = b.East },
                timeZone = city.ZoneId,
                staleAfterSeconds = (int)grains.StaleAfter.TotalSeconds,
                openIncidentStatuses = Enum.GetValues<IncidentStatus>().Where(s => s.IsOpen()),
                activeTaskStatuses = Enum.GetValues<Rules.Incidents.TaskStatus>().Where(s => s.IsActive()),
                unitStatuses = Enum.GetValues<DutyStatus>(),
            };
        }).AllowAnonymous().WithTags("City");
        return app;
    }
}
