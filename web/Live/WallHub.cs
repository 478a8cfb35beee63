using GridCommand.Rules.Incidents;
using GridCommand.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace GridCommand.Web.Live;

/// <summary>
/// /hubs/wall: a snapshot on connect, then batched "units", "incident" and periodic "kpis" from the
/// <see cref="CityFeedReceiver"/>. A reconnecting client gets a fresh snapshot and drops older updates by seq.
/// </summary>
[Authorize(Policy = Roles.Policies.WallScreen)]
public sealed class WallHub(LiveCity city, TimeProvider clock, WallConnections connections) : Hub
{
    public override Task OnConnectedAsync()
    {
        connections.Add(Context);
        return Clients.Caller.SendAsync("snapshot", Snapshot(city, clock.GetUtcNow()));
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context);
        return Task.CompletedTask;
    }

    private static object Snapshot(LiveCity city, DateTimeOffset now) => new
    {
        at = now,
        units = city.Units,
        incidents = city.Incidents.Where(i => i.CreatedAt >= city.Clock.StartOfToday(now) || i.Status.IsOpen()),
        kpis = Kpis.Compute(city.Incidents, city.Units, now, city.Clock),
    };
}
