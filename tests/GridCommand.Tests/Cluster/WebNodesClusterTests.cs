using System.Net;
using System.Text.Json;
using GridCommand.Tests.Api;
using GridCommand.Tests.Storage;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace GridCommand.Tests.Cluster;

/// <summary>
/// Two whole web processes, each co-hosting a silo, joined into one cluster through PostgreSQL on one fresh
/// database: what a dispatcher does on node A reaches a phone and a wall connected to node B, and the other way.
/// </summary>
public sealed class TwoWebNodesFixture : IAsyncLifetime
{
    private readonly PostgresTestDatabase db = new();

    public GridCommandApp A { get; private set; } = null!;
    public GridCommandApp B { get; private set; } = null!;
    public HttpClient CommanderOnA { get; private set; } = null!;
    public HttpClient DispatcherOnA { get; private set; } = null!;
    public HttpClient DispatcherOnB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await db.InitializeAsync();
        A = Node();
        CommanderOnA = await A.StaffClient("commander");
        DispatcherOnA = await A.StaffClient("dispatcher");
        B = Node();
        DispatcherOnB = await B.StaffClient("dispatcher");
        await Membership.AllSeeEachOther(A.Services, B.Services);
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await db.DisposeAsync();
    }

    private GridCommandApp Node() => new(ApiKit.SharedSettings(
        ("Storage:Provider", "postgres"), ("Storage:ConnectionString", db.ConnectionString), ("Cluster:Provider", "postgres")));
}

public sealed class WebNodesClusterTests(TwoWebNodesFixture nodes) : IClassFixture<TwoWebNodesFixture>
{
    [Fact]
    public async Task A_task_given_on_node_A_reaches_the_phone_on_node_B_and_its_answers_reach_the_wall_on_A()
    {
        var scene = Areas.Centre(10);
        var unit = await nodes.A.EnrolOnDuty(nodes.CommanderOnA, "cross-car", "patrol-car", scene.Offset(400, 0));
        await using var phoneOnB = await FieldPhone.Connect(nodes.B, unit); // a token made on A serves on B
        await using var wallOnA = await WallClient.Connect(nodes.A, await nodes.A.StaffClient("wall"));
        await wallOnA.Watch(WallClient.World);
        var id = (await nodes.DispatcherOnA.CreateIncident("fight", scene, priority: 1)).Id();
        await nodes.DispatcherOnA.RecommendationsOnce(id, 1);

        var assigned = await nodes.DispatcherOnA.Send(HttpMethod.Post, $"/api/incidents/{id}/dispatch", new { unitId = unit.UnitId }, HttpStatusCode.OK);

        var task = await phoneOnB.NextTask();
        Assert.Equal((assigned.Str("taskId"), id), (task.Str("taskId"), task.Str("incidentId")));
        await phoneOnB.Hub.InvokeAsync<JsonElement>("Accept", task.Str("taskId"));
        await wallOnA.UnitIs(unit.UnitId, "en-route");
        var (deviceOnB, _) = await nodes.B.DeviceClient(unit.UnitId, unit.DeviceKey);
        await deviceOnB.Send(HttpMethod.Post, $"/api/tasks/{task.Str("taskId")}/arrive", null, HttpStatusCode.OK);
        await phoneOnB.Hub.InvokeAsync<JsonElement>("Complete", task.Str("taskId"), "已处置");
        await wallOnA.IncidentIs(id, "resolved");
        Assert.Equal("resolved", (await nodes.DispatcherOnB.Get($"/api/incidents/{id}")).Str("status"));
    }

    [Fact]
    public async Task Calls_about_one_fire_coming_in_on_both_nodes_at_once_make_one_incident()
    {
        var scene = Areas.Centre(11);

        var calls = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? nodes.DispatcherOnA : nodes.DispatcherOnB).CreateIncident("fire", scene.Offset(15 * i, 50 * i), priority: 1)));

        var id = Assert.Single(calls.Select(c => c.Id()).Distinct());
        Assert.Single(calls, c => c.GetProperty("duplicateOf").ValueKind == JsonValueKind.Null);
        Assert.Equal(6, (await nodes.DispatcherOnA.Get($"/api/incidents/{id}")).GetProperty("reportCount").GetInt32());
    }
}
