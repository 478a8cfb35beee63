using System.Security.Cryptography;
using System.Text;

namespace GridCommand.Web.Auth;

/// <summary>
/// /metrics is for commanders, and for a Prometheus scraper sending `Authorization: Bearer {Metrics:ScrapeToken}`: a
/// long-lived secret of its own, so the scraper needs no user account and can read nothing else.
/// </summary>
public static class ScrapeToken
{
    public static bool Presented(HttpContext? http, string? configured)
    {
        if (http is null || string.IsNullOrEmpty(configured)) return false;
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal)
               && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header["Bearer ".Length..]), Encoding.UTF8.GetBytes(configured));
    }
}
