using System.Collections.Concurrent;
using GridCommand.Rules.Auth;
using GridCommand.Web.Auth;
using Microsoft.AspNetCore.SignalR;

namespace GridCommand.Web.Live;

/// <summary>
/// Every open hub connection on this node (a hub filter sees them come and go), so that a revoked token's connections
/// can be closed: its handshake was checked once, and nothing would check it again.
/// </summary>
public sealed class SignedInConnections : IHubFilter
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new();

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        _open[context.Context.ConnectionId] = context.Context;
        // A revocation heard between the handshake and now found no connection to close: this one checks for itself.
        if (context.Context.User is { } user
            && context.ServiceProvider.GetRequiredService<TokenRevocations>().Voids(user.RevocationSubject(), user.TokenIssued()))
        {
            context.Context.Abort();
            return;
        }
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        _open.TryRemove(context.Context.ConnectionId, out _);
        await next(context, exception);
    }

    public void Close(Revocation revocation)
    {
        foreach (var context in _open.Values)
            if (context.User is { } user && user.RevocationSubject() == revocation.Subject && revocation.Voids(user.TokenIssued()))
                context.Abort();
    }
}
