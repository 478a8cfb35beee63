using System.Security.Claims;
using GridCommand.Contracts;
using GridCommand.Rules;
using GridCommand.Rules.Units;
using GridCommand.Silo.Demo;
using GridCommand.Silo.Storage;
using GridCommand.Web.Auth;
using Microsoft.Extensions.Options;

namespace GridCommand.Web.Apis;

public sealed record LoginRequest(string? Username, string? Password);
public sealed record LoginResponse(string Token, string Role, DateTimeOffset ExpiresAt);
public sealed record DeviceLoginRequest(string? UnitId, string? DeviceKey);
public sealed record DeviceLoginResponse(string Token, string UnitId, DateTimeOffset ExpiresAt);
public sealed record RenewedToken(string Token, string Role, string? UnitId, DateTimeOffset ExpiresAt);
public sealed record Me(string Name, string Role, string? UnitId);

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").AllowAnonymous().WithTags("Auth");

        api.MapPost("/login", (LoginRequest body, UserDirectory users, TokenService tokens, SignInThrottle throttle, TokenRevocations revocations,
            IOptions<AuthOptions> options, HttpContext http) =>
        {
            if (string.IsNullOrEmpty(body.Username) || string.IsNullOrEmpty(body.Password))
                return Problems.BadRequest("username and password are required.");
            var (name, address) = ($"user:{body.Username}", http.Connection.RemoteIpAddress);
            if (throttle.IsBlocked(name, address)) return TooManyFailures(http);
            if (users.Check(body.Username, body.Password) is not { } role)
            {
                throttle.Failed(name, address);
                return Results.Problem("Wrong user name or password.", statusCode: StatusCodes.Status401Unauthorized);
            }
            if (revocations.IsDisabled(body.Username)) return Problems.Forbidden($"The account {body.Username} is disabled.");
            var lifetime = options.Value.TokenLifetime(role);
            var issued = tokens.Issue(body.Username, role, null, lifetime);
            DashboardCookie.Set(http, issued.Token, lifetime);
            return Results.Ok(new LoginResponse(issued.Token, role, issued.ExpiresAt));
        });

        // Checked against the unit's stored state, not its grain: made-up unit ids from anyone wake no grain.
        // The key is stored before an enrolment is acknowledged, so the stored one is the current one.
        // The simulated units' shared key "demo" opens nothing unless the simulator runs (a database once used for a demo).
        api.MapPost("/device", async (DeviceLoginRequest body, GridDatabase database, TokenService tokens, SignInThrottle throttle,
            IOptions<AuthOptions> options, IConfiguration config, HttpContext http) =>
        {
            if (string.IsNullOrEmpty(body.UnitId) || string.IsNullOrEmpty(body.DeviceKey))
                return Problems.BadRequest("unitId and deviceKey are required.");
            if (GridIds.Check("unitId", body.UnitId) is { } error) return Problems.BadRequest(error);
            var (name, address) = ($"unit:{body.UnitId}", http.Connection.RemoteIpAddress);
            if (throttle.IsBlocked(name, address)) return TooManyFailures(http);
            var demoKeyRefused = body.DeviceKey == Simulator.DemoDeviceKey && !config.GetValue<bool>("Simulation:Enabled");
            if (!demoKeyRefused && await database.Grains.ReadAsync(GrainKinds.Unit, body.UnitId) is { } stored
                && stored.State<UnitState>() is { Enrolled: true } unit && unit.HasDeviceKey(body.DeviceKey))
            {
                var issued = tokens.Issue(body.UnitId, Roles.Device, body.UnitId, options.Value.TokenLifetime(Roles.Device));
                return Results.Ok(new DeviceLoginResponse(issued.Token, body.UnitId, issued.ExpiresAt));
            }
            throttle.Failed(name, address);
            return Results.Problem("Unknown unit or wrong device key.", statusCode: StatusCodes.Status401Unauthorized);
        });

        // A kiosk and a phone stay signed in with no one there: each renews its token well before it expires. A revoked
        // token (a disabled user, a re-enrolled unit) was refused before this, so it cannot renew itself. Staff sign in each shift.
        app.MapPost("/api/auth/renew", (ClaimsPrincipal user, TokenService tokens, IOptions<AuthOptions> options) =>
            {
                var role = user.FindFirstValue(ClaimTypes.Role)!;
                var issued = tokens.Issue(user.Identity!.Name!, role, user.UnitId(), options.Value.TokenLifetime(role));
                return new RenewedToken(issued.Token, role, user.UnitId(), issued.ExpiresAt);
            })
            .RequireAuthorization(Roles.Policies.Renew).WithTags("Auth");

        // Whom a token speaks for: lets a page check its saved sign-in, and is the benchmark's no-op baseline.
        app.MapGet("/api/auth/me", (ClaimsPrincipal user) => new Me(user.Identity!.Name!, user.FindFirstValue(ClaimTypes.Role)!, user.UnitId()))
            .RequireAuthorization().WithTags("Auth");
        return app;
    }

    private static IResult TooManyFailures(HttpContext http)
    {
        http.Response.Headers.RetryAfter = ((int)SignInThrottle.Window.TotalSeconds).ToString();
        return Results.Problem("Too many failed sign-ins: try again in a minute.", statusCode: StatusCodes.Status429TooManyRequests);
    }
}
