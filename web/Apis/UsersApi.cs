using System.Security.Claims;
using GridCommand.Rules;
using GridCommand.Rules.Auth;
using GridCommand.Web.Auth;
using Microsoft.Extensions.Options;

namespace GridCommand.Web.Apis;

public sealed record UserAccess(string Username, bool Disabled);

/// <summary>
/// A commander disables an account (it can no longer sign in and its tokens stop working on every node at once) or
/// enables it again (its old tokens stay void). Kept in the revocations grain, not in a node's users file, so it holds
/// for the whole cluster, whichever node the account is configured on.
/// </summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Roles.Policies.ManageUnits);
        api.MapPost("/{username}/disable", (string username, ClaimsPrincipal user, UserDirectory users, TokenRevocations revocations, IOptions<AuthOptions> options) =>
            SetAccess(username, disabled: true, user, users, revocations, options.Value));
        api.MapPost("/{username}/enable", (string username, ClaimsPrincipal user, UserDirectory users, TokenRevocations revocations, IOptions<AuthOptions> options) =>
            SetAccess(username, disabled: false, user, users, revocations, options.Value));
        return app;
    }

    private static async Task<IResult> SetAccess(string username, bool disabled, ClaimsPrincipal user, UserDirectory users,
        TokenRevocations revocations, AuthOptions options)
    {
        if (GridIds.Check("username", username) is { } error) return Problems.BadRequest(error);
        if (users.RoleOf(username) is not { } role) return Problems.NotFound($"No user {username}.");
        if (disabled && username == user.Identity?.Name)
            return Results.Problem("A commander cannot disable their own account.", statusCode: StatusCodes.Status409Conflict);
        await revocations.Revoke(Revocation.OfUser(username), disabled, options.TokenLifetime(role), user.Who());
        return Results.Ok(new UserAccess(username, disabled));
    }
}
