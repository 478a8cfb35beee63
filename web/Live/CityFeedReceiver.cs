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
/// keeps the live picture current, and pushes to this node's own SignalR clients: one "units" message and the
/// changed incidents per batch to the walls, each task to its unit's phone. KPIs go to the walls every few seconds.
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

    public Task OnChanges(CityChanges changes)
    {
        revocations.Apply(changes.Revocations);
        // Phones first: a crew is waiting for its task, while a batch of thousands of positions takes a while to send.
        foreach (var task in changes.TasksOffered) _ = field.Clients.Group(FieldHub.GroupOf(task.UnitId)).SendAsync("task", task);
        foreach (var withdrawn in changes.TasksWithdrawn)
            _ = field.Clients.Group(FieldHub.GroupOf(withdrawn.UnitId)).SendAsync("taskWithdrawn", new { taskId = withdrawn.TaskId });
        city.Apply(changes);
        foreach (var incident in changes.Incidents) _ = wall.Clients.All.SendAsync("incident", incident);
        if (changes.Units.Count > 0 && walls.Count > 0) SendUnits(changes.Units);
        return Task.CompletedTask;
    }

    /// <summary>Serialized once here (SignalR would do it once too), so the bytes every wall receives can be counted.</summary>
    private void SendUnits(IReadOnlyList<Rules.Units.UnitSnapshot> units)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(units, hubJson.Value.PayloadSerializerOptions);
        metrics.WallSent((long)payload.Length * walls.Count);
        _ = wall.Clients.All.SendAsync("units", JsonDocument.Parse(payload).RootElement);
    }

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        // Listening before loading: a change made meanwhile is not lost (the newer sequence number wins either way).
        var listening = FeedSubscription.KeepRegistered(grains, this, log, stop);
        await city.LoadAsync(database, grid, settings, clock.GetUtcNow(), stop);
        log.LogInformation("Live picture loaded: {Units} units, {Incidents} incidents", city.Units.Count, city.Incidents.Count);

        using var timer = new PeriodicTimer(KpiInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var now = clock.GetUtcNow();
                city.ForgetOldIncidents(now);
                await wall.Clients.All.SendAsync("kpis", Kpis.Compute(city.Incidents, city.Units, now, city.Clock), stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        await listening;
    }
}
