using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace GridCommand.Web.Live;

/// <summary>The wall hub's open connections, so they can be dropped (a key rotation, a drill, a test of reconnects).</summary>
public sealed class WallConnections
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new();

    public void Add(HubCallerContext context) => _open[context.ConnectionId] = context;

    public void Remove(HubCallerContext context) => _open.TryRemove(context.ConnectionId, out _);

    public int Count => _open.Count;

    /// <summary>Closes every wall connection; clients reconnect and resync from a fresh snapshot.</summary>
    public int AbortAll()
    {
        var count = 0;
        foreach (var context in _open.Values)
        {
            context.Abort();
            count++;
        }
        return count;
    }
}
