using GridCommand.Web.Apis;

namespace GridCommand.Web.Hosting;

/// <summary>
/// The headers a browser needs to protect the screens: scripts only from this site (no inline script), no framing,
/// no sniffing, no referrer (a kiosk's first URL carries its token). Styles may be inline: Leaflet and the pages set
/// them on elements. Map tiles may come from the configured tile server. The Orleans dashboard, a page of its own
/// with inline scripts, is served without the script policy (commanders only).
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, MapOptions map)
    {
        var policy = ContentSecurityPolicy(map);
        return app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (!context.Request.Path.StartsWithSegments(Auth.DashboardCookie.Path)) headers.ContentSecurityPolicy = policy;
            return next(context);
        });
    }

    public static string ContentSecurityPolicy(MapOptions map)
    {
        var tiles = Uri.TryCreate(map.TileUrl?.Replace("{s}", "a"), UriKind.Absolute, out var tileUrl)
            ? " " + tileUrl.GetLeftPart(UriPartial.Authority).Replace("://a.", "://*.")
            : "";
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
               $"img-src 'self' data:{tiles}; connect-src 'self'; font-src 'self'; object-src 'none'; " +
               "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }
}
