namespace GridCommand.Web.Auth;

/// <summary>
/// A browser opening /dashboard sends no bearer header, so signing in also leaves the token in a cookie that
/// only /dashboard receives (HttpOnly, SameSite=Strict): the API never reads it, so it opens no door to CSRF.
/// </summary>
public static class DashboardCookie
{
    public const string Name = "gc.dashboard";
    public const string Path = "/dashboard";

    public static void Set(HttpContext http, string token, TimeSpan lifetime) =>
        http.Response.Cookies.Append(Name, token, new CookieOptions
        {
            Path = Path,
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            MaxAge = lifetime,
        });

    public static string? Read(HttpRequest request) =>
        request.Path.StartsWithSegments(Path) ? request.Cookies[Name] : null;
}
