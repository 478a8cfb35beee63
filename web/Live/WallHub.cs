using GridCommand.Contracts.Incidents;
using GridCommand.Contracts.Lockdown;
using GridCommand.Rules;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Units;
using GridCommand.Web.Apis;
using GridCommand.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace GridCommand.Web.Live;

/// <summary>
/// /hubs/wall: a snapshot on connect (incidents, KPIs, every cell's load, the active lockdowns), then "incident",
/// "lockdown", "cells" (at most once a second), periodic "kpis" and, for the box the client watches, batched "units" from the <see cref="CityFeedReceiver"/>.
/// A client that never calls Watch gets no units at all: at tens of thousands no screen can draw them. A reconnecting
/// client gets a fresh snapshot, watches again, and drops older updates by seq.
/// </summary>
[Authorize(Policy = Roles.Policies.WallScreen)]
public sealed class WallHub(LiveCity city, LiveLockdowns lockdowns, TimeProvider clock, WallConnections connections) : Hub
{
    /// <summary>Wall screens: they are sent what a wall shows of an incident (<see cref="ForScreens"/>).</summary>
    public const string ScreensGroup = "screens";

    /// <summary>Commanders, dispatchers and station officers: they are sent the whole incident.</summary>
    public const string StaffGroup = "staff";

    /// <summary>What a wall screen shows of an incident: not its tasks or timeline, which name crews and carry their notes.</summary>
    public static IncidentView ForScreens(IncidentView incident) => incident with { Tasks = [], Timeline = [] };

    public override async Task OnConnectedAsync()
    {
        connections.Add(Context);
        var screen = Context.User?.IsInRole(Roles.Wall) == true;
        await Groups.AddToGroupAsync(Context.ConnectionId, screen ? ScreensGroup : StaffGroup);
        await Clients.Caller.SendAsync("snapshot", Snapshot(city, lockdowns, clock.GetUtcNow(), screen));
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context);
        return Task.CompletedTask;
    }

    /// <summary>
    /// From now on this connection's "units" are those inside the box, or that just left it; returns every unit inside
    /// it now (the client drops what it has outside the box).
    /// </summary>
    public IReadOnlyList<UnitSnapshot> Watch(double south, double west, double north, double east)
    {
        if (InputRules.Box(south, west, north, east) is { } error) throw new HubException(error);
        var box = new GeoBounds(south, west, north, east);
        connections.Watch(Context, box);
        return city.Units.Where(u => UnitMove.IsIn(u, box)).ToList();
    }

    /// <summary>No more units for this connection (a wall zoomed out to the cells' loads).</summary>
    public void Unwatch() => connections.Watch(Context, null);

    private static object Snapshot(LiveCity city, LiveLockdowns lockdowns, DateTimeOffset now, bool screen) => new
    {
        at = now,
        incidents = city.Incidents.Where(i => i.CreatedAt >= city.Clock.StartOfToday(now) || i.Status.IsOpen())
            .Select(i => screen ? ForScreens(i) : i),
        kpis = Kpis.Compute(city.Incidents, city.Units, now, city.Clock),
        cells = city.Cells,
        lockdowns = lockdowns.Active.Select(l => screen ? LockdownViews.ForScreens(l) : l),
    };
}
