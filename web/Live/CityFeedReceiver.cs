using GridCommand.Contracts.Feed;
using GridCommand.Grains;
using GridCommand.Grains.Feed;
using GridCommand.Rules.Geo;
using GridCommand.Silo.Feed;
using GridCommand.Silo.Storage;
using System.Text.Json;
using GridCommand.Web.Auth;
using GridCommand.Web.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace GridCommand.Web.Live;

/// <summary>
/// This web node's ear on the cluster: registered in the feed registry, it receives every silo's change batches,
/// keeps the live picture current, and pushes to this node's own SignalR clients: the changed incidents to every
/// wall, to each wall the units of the batch in the box it watches (one "units" message per batch), each task to its
/// unit's phone. The cells whose loads changed go to every wall at most once a second, KPIs every few seconds.
/// </summary>
public sealed partial class CityFeedReceiver(
    IGrainFactory grains,
    GridDatabase database,
    CityGrid grid,
    GrainSettings settings,
    LiveCity city,
    LiveLockdowns lockdowns,
    LiveCameraAlarms cameraAlarms,
    IHubContext<WallHub> wall,
    IHubContext<FieldHub> field,
    WallConnections walls,
    TokenRevocations revocations,
    IOptions<JsonHubProtocolOptions> hubJson,
    WebMetrics metrics,
    TimeProvider clock,
    ILogger<CityFeedReceiver> log) : BackgroundService, ICityFeedObserver
{
    private static readonly TimeSpan KpiInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CellsInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RegistrationWait = TimeSpan.FromSeconds(30);
    private readonly LatestCells _changedCells = new();

    public Task OnChanges(CityChanges changes)
    {
        revocations.Apply(changes.Revocations);
        // Phones first: a crew is waiting for its task, while a batch of thousands of positions takes a while to send.
        foreach (var task in changes.TasksOffered) _ = field.Clients.Group(FieldHub.GroupOf(task.UnitId)).SendAsync("task", task);
        foreach (var withdrawn in changes.TasksWithdrawn)
            _ = field.Clients.Group(FieldHub.GroupOf(withdrawn.UnitId)).SendAsync("taskWithdrawn", new { taskId = withdrawn.TaskId });
        VolunteerOrderPush.Send(field, changes.VolunteerOrders);
        lockdowns.OnChanges(changes);
        cameraAlarms.OnChanges(changes);
        var moves = city.Apply(changes);
        _changedCells.Add(changes.Cells);
        foreach (var incident in changes.Incidents)
        {
            _ = wall.Clients.Group(WallHub.StaffGroup).SendAsync("incident", incident);
            _ = wall.Clients.Group(WallHub.ScreensGroup).SendAsync("incident", WallHub.ForScreens(incident));
        }
        if (moves.Count > 0) SendUnits(moves);
        return Task.CompletedTask;
    }

    /// <summary>O(units in the batch) per distinct box watched, each box's units serialized once for all its walls.</summary>
    private void SendUnits(IReadOnlyList<UnitMove> moves)
    {
        foreach (var (box, connectionIds) in walls.Watched())
        {
            var inBox = moves.Where(m => m.Touches(box)).Select(m => m.After).ToList();
            if (inBox.Count > 0) _ = Send(wall.Clients.Clients(connectionIds), connectionIds.Count, "units", inBox);
        }
    }

    /// <summary>Serialized once here (SignalR would do it once too), so the bytes the walls receive can be counted.</summary>
    private Task Send<T>(IClientProxy clients, int count, string message, T value)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(value, hubJson.Value.PayloadSerializerOptions);
        metrics.WallSent((long)payload.Length * count);
        return clients.SendAsync(message, JsonDocument.Parse(payload).RootElement);
    }

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        // Listening before loading: a change made meanwhile is not lost (the newer sequence number wins either way).
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listening = FeedSubscription.KeepRegistered(grains, this, log, stop, registered);
        await Load(stop, reportUnreadable: true);
        await CatchUp(registered.Task, stop);

        await Task.WhenAll(Every(KpiInterval, SendKpis, stop), Every(CellsInterval, SendCells, stop));
        await listening;
    }

    /// <summary>
    /// The silos send here only once they have fetched this node's listener (every RegistryRefresh): a change made
    /// between the first load and then reached no one here. Once they all have it, the store holds every such change.
    /// </summary>
    private async Task CatchUp(Task registered, CancellationToken stop)
    {
        try
        {
            await registered.WaitAsync(RegistrationWait, stop);
            await Task.Delay(ChangeFeed.RegistryRefresh * 2, stop);
            await Load(stop, reportUnreadable: false); // reported by the first load, or by their grains when asked
        }
        catch (Exception e) when (!stop.IsCancellationRequested)
        {
            // No registry or store to be had now: the feed follows once it can, and units show with their next fix.
            LogNoCatchUp(log, e);
        }
    }

    private async Task Load(CancellationToken stop, bool reportUnreadable)
    {
        var unreadable = await city.LoadAsync(database, grid, settings, clock.GetUtcNow(), stop);
        if (!reportUnreadable) return;
        log.LogInformation("Live picture loaded: {Units} units, {Incidents} incidents", city.Units.Count, city.Incidents.Count);
        if (unreadable.Count > 0) LogUnreadable(log, unreadable.Count, string.Join(", ", unreadable.Take(10)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not load the live picture again after registering; the feed goes on")]
    private static partial void LogNoCatchUp(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} stored grain states could not be read and are not in the live picture: {Ids}")]
    private static partial void LogUnreadable(ILogger logger, int count, string ids);

    private Task SendKpis(CancellationToken stop)
    {
        var now = clock.GetUtcNow();
        city.ForgetOldIncidents(now);
        return wall.Clients.All.SendAsync("kpis", Kpis.Compute(city.Incidents, city.Units, now, city.Clock), stop);
    }

    private Task SendCells(CancellationToken stop) =>
        _changedCells.Take() is { } cells && walls.Count > 0 ? Send(wall.Clients.All, walls.Count, "cells", cells) : Task.CompletedTask;

    private static async Task Every(TimeSpan interval, Func<CancellationToken, Task> send, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop)) await send(stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
