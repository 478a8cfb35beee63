using Akka.Actor;
using GridCommand.Grains.Actors;
using GridCommand.Grains.Messages;
using GridCommand.Silo.Hosting;
using GridCommand.Silo.Storage;
using Microsoft.AspNetCore.SignalR;

namespace GridCommand.Web.Live;

/// <summary>
/// This node's bridge from the cluster to the browsers: loads the live picture, then for every change
/// batch updates it and pushes one "units" message plus the changed incidents to the wall hub; pushes
/// KPIs every few seconds; routes field tasks to the phone of their unit.
/// </summary>
public sealed class CityBridge(
    GridNode node,
    GrainStorage storage,
    LiveCity city,
    IHubContext<WallHub> wall,
    IHubContext<FieldHub> field,
    TimeProvider clock,
    ILogger<CityBridge> log) : BackgroundService
{
    private static readonly TimeSpan KpiInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        await city.LoadAsync(storage.States, clock.GetUtcNow(), stop);
        node.System.ActorOf(TopicSubscriber.Props(Topics.CityChanges, m => OnChanges((CityChanges)m)), "wall-bridge");
        node.System.ActorOf(TopicSubscriber.Props(Topics.FieldTasks, OnFieldNotice), "field-bridge");
        log.LogInformation("Live picture loaded: {Units} units, {Incidents} incidents", city.Units.Count, city.Incidents.Count);

        using var timer = new PeriodicTimer(KpiInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var now = clock.GetUtcNow();
                city.ForgetOldIncidents(now);
                await wall.Clients.All.SendAsync("kpis", Kpis.Compute(city.Incidents, city.Units, now), stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private void OnChanges(CityChanges changes)
    {
        city.Apply(changes);
        if (changes.Units.Count > 0) _ = wall.Clients.All.SendAsync("units", changes.Units);
        foreach (var incident in changes.Incidents) _ = wall.Clients.All.SendAsync("incident", incident);
    }

    private void OnFieldNotice(object notice)
    {
        switch (notice)
        {
            case TaskOffered offered:
                _ = field.Clients.Group(FieldHub.GroupOf(offered.UnitId)).SendAsync("task", offered.Task);
                break;
            case TaskWithdrawn withdrawn:
                _ = field.Clients.Group(FieldHub.GroupOf(withdrawn.UnitId)).SendAsync("taskWithdrawn", new { taskId = withdrawn.TaskId });
                break;
        }
    }
}
