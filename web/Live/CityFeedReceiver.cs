using GridCommand.Contracts.Feed;
using GridCommand.Grains;
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
public sealed class CityFeedReceiver(
    IGrainFactory grains,
    GridDatabase database,
    CityGrid grid,
    GrainSettings settings,
    LiveCity city,
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
    private readonly LatestCells _changedCells = new();

    public Task OnChanges(CityChanges changes)
    {
        revocations.Apply(changes.Revocations);
        // Phones first: a crew is waiting for its task, while a batch of thousands of positions takes a while to send.
        foreach (var task in changes.TasksOffered) _ = field.Clients.Group(FieldHub.GroupOf(task.UnitId)).SendAsync("task", task);
        foreach (var withdrawn in changes.TasksWithdrawn)
            _ = field.Clients.Group(FieldHub.GroupOf(withdrawn.UnitId)).SendAsync("taskWithdrawn", new { taskId = withdrawn.TaskId });
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
        var listening = FeedSubscription.KeepRegistered(grains, this, log, stop);
        await city.LoadAsync(database, grid, settings, clock.GetUtcNow(), stop);
        log.LogInformation("Live picture loaded: {Units} units, {Incidents} incidents", city.Units.Count, city.Incidents.Count);

        await Task.WhenAll(Every(KpiInterval, SendKpis, stop), Every(CellsInterval, SendCells, stop));
        await listening;
    }

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
