using System.Collections.Concurrent;
using GridCommand.Rules.Geo;
using Microsoft.AspNetCore.SignalR;

namespace GridCommand.Web.Live;

/// <summary>
/// The wall hub's open connections and the box each one watches (none until it calls Watch), so each batch of units
/// goes only to the walls that show them, and connections can be dropped (a key rotation, a drill, a test of reconnects).
/// </summary>
public sealed class WallConnections
{
    private readonly ConcurrentDictionary<string, Wall> _open = new();

    private sealed record Wall(HubCallerContext Context, GeoBounds? Box);

    public void Add(HubCallerContext context) => _open[context.ConnectionId] = new Wall(context, null);

    public void Remove(HubCallerContext context) => _open.TryRemove(context.ConnectionId, out _);

    /// <summary>The connection's units from now on are those in <paramref name="box"/>; null: none.</summary>
    public void Watch(HubCallerContext context, GeoBounds? box)
    {
        // Only a connection still open: a call finishing after its disconnect must not bring it back.
        if (_open.TryGetValue(context.ConnectionId, out var wall)) _open.TryUpdate(context.ConnectionId, wall with { Box = box }, wall);
    }

    public int Count => _open.Count;

    /// <summary>Each distinct box watched, with the connections watching it: a batch is filtered and serialized once per box.</summary>
    public IReadOnlyList<(GeoBounds Box, IReadOnlyList<string> ConnectionIds)> Watched() =>
        _open.Values.Where(w => w.Box is not null)
            .GroupBy(w => w.Box!, w => w.Context.ConnectionId)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.ToList()))
            .ToList();

    /// <summary>Closes every wall connection; clients reconnect and resync from a fresh snapshot.</summary>
    public int AbortAll()
    {
        var count = 0;
        foreach (var wall in _open.Values)
        {
            wall.Context.Abort();
            count++;
        }
        return count;
    }
}
