using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using GridCommand.Rules.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace GridCommand.Web.Auth;

/// <summary>
/// Reads "Authorization: Bearer …"; for SignalR WebSockets the access_token query parameter, and for the Orleans
/// dashboard the sign-in cookie. A revoked token is no token. A browser sent to /dashboard without signing in goes to
/// the sign-in page.
/// </summary>
public sealed class BearerAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, TokenService tokens,
    TokenRevocations revocations)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim()
            : Request.Path.StartsWithSegments("/hubs") ? Request.Query["access_token"].ToString()
            : DashboardCookie.Read(Request) ?? "";
        if (token.Length == 0) return Task.FromResult(AuthenticateResult.NoResult());
        var claims = tokens.Validate(token);
        if (claims is null) return Task.FromResult(AuthenticateResult.Fail("Invalid or expired token"));
        if (revocations.Voids(claims)) return Task.FromResult(AuthenticateResult.Fail("Revoked token"));

        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, claims.Subject));
        identity.AddClaim(new Claim(ClaimTypes.Role, claims.Role));
        identity.AddClaim(new Claim(Roles.IssuedClaim, claims.Issued.ToString("O", CultureInfo.InvariantCulture)));
        if (claims.UnitId is not null) identity.AddClaim(new Claim(Roles.UnitClaim, claims.UnitId));
        // SignalR closes a connection when its token expires (CloseOnAuthenticationExpiration): a renewed one reconnects.
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), new AuthenticationProperties { ExpiresUtc = claims.Expires }, SchemeName);
        return Task.FromResult(AuthenticateResult.Success(ticket));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!Request.Path.StartsWithSegments(DashboardCookie.Path)) return base.HandleChallengeAsync(properties);
        Response.Redirect($"/login?next={Uri.EscapeDataString(DashboardCookie.Path + "/")}");
        return Task.CompletedTask;
    }
}

public static class PrincipalExtensions
{
    /// <summary>The unit a device token acts for; null for staff.</summary>
    public static string? UnitId(this ClaimsPrincipal user) => user.FindFirstValue(Roles.UnitClaim);

    /// <summary>Who to write in the event log: the user name, or the unit for a device.</summary>
    public static string Who(this ClaimsPrincipal user) => user.UnitId() is { } unit ? $"device:{unit}" : user.Identity?.Name ?? "anonymous";

    /// <summary>Whose tokens a revocation of this token would name (as <see cref="TokenClaims.RevocationSubject"/>).</summary>
    public static string RevocationSubject(this ClaimsPrincipal user) =>
        user.UnitId() is { } unit ? Revocation.OfUnit(unit) : Revocation.OfUser(user.Identity?.Name ?? "");

    public static DateTimeOffset TokenIssued(this ClaimsPrincipal user) =>
        DateTimeOffset.Parse(user.FindFirstValue(Roles.IssuedClaim)!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
