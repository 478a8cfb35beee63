using GridCommand.Grains.Messages;
using GridCommand.Grains.Units;
using GridCommand.Silo.Hosting;
using GridCommand.Web.Auth;
using Microsoft.Extensions.Options;

namespace GridCommand.Web.Apis;

public sealed record LoginRequest(string? Username, string? Password);
public sealed record LoginResponse(string Token, string Role);
public sealed record DeviceLoginRequest(string? UnitId, string? DeviceKey);
public sealed record DeviceLoginResponse(string Token, string UnitId);

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").AllowAnonymous().WithTags("Auth");

        api.MapPost("/login", (LoginRequest body, UserDirectory users, TokenService tokens, IOptions<AuthOptions> options) =>
        {
            if (string.IsNullOrEmpty(body.Username) || string.IsNullOrEmpty(body.Password))
                return GrainReplies.BadRequest("username and password are required.");
            return users.Check(body.Username, body.Password) is { } role
                ? Results.Ok(new LoginResponse(tokens.Issue(body.Username, role, null, options.Value.TokenLifetime(role)), role))
                : Results.Problem("Wrong user name or password.", statusCode: StatusCodes.Status401Unauthorized);
        });

        api.MapPost("/device", async (DeviceLoginRequest body, GridNode node, TokenService tokens, IOptions<AuthOptions> options) =>
        {
            if (string.IsNullOrEmpty(body.UnitId) || string.IsNullOrEmpty(body.DeviceKey))
                return GrainReplies.BadRequest("unitId and deviceKey are required.");
            var reply = await node.Ask(node.Units, new GetUnit(body.UnitId));
            return reply is UnitView view && DeviceKeys.Matches(body.UnitId, body.DeviceKey, view.DeviceKeyHash)
                ? Results.Ok(new DeviceLoginResponse(tokens.Issue(body.UnitId, Roles.Device, body.UnitId, options.Value.TokenLifetime(Roles.Device)), body.UnitId))
                : Results.Problem("Unknown unit or wrong device key.", statusCode: StatusCodes.Status401Unauthorized);
        });
        return app;
    }
}
