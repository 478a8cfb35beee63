using System.Net;
using System.Text.Json;
using GridCommand.Tests.Api;
using GridCommand.Tests.Storage;
using GridCommand.Web.Live;
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
        await EachNodeHearsWhatTheOtherDid();
    }

    /// <summary>
    /// A node that joins hears the other's changes within a few seconds (it registers with the feed registry, the silos
    /// fetch their listeners): wait for that, for grains enrolled through each node (placed on its own silo mostly).
    /// </summary>
    private async Task EachNodeHearsWhatTheOtherDid()
    {
        var commanderOnB = await B.StaffClient("commander");
        var enrolled = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var unitId = $"warm-up-{i}";
            await (i % 2 == 0 ? CommanderOnA : commanderOnB).Send(HttpMethod.Put, $"/api/units/{unitId}", new { kind = "guard", name = $"预热{i}" }, HttpStatusCode.OK);
            enrolled.Add(unitId);
        }
        foreach (var (name, node) in new[] { ("A", A), ("B", B) })
            await Eventually.Until(() => Task.FromResult(enrolled.Where(id => node.Service<LiveCity>().Units.All(u => u.UnitId != id)).ToList()),
                missing => missing.Count == 0, $"web node {name} hearing of the units enrolled through either (still missing)", TimeSpan.FromSeconds(30));
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

    [Fact]
    public async Task Re_enrolling_a_unit_on_node_A_ends_its_token_and_phone_connection_on_node_B()
    {
        var unit = await nodes.A.EnrolOnDuty(nodes.CommanderOnA, "cross-reenrol", "guard", Areas.Centre(12));
        await using var phoneOnB = await FieldPhone.Connect(nodes.B, unit);
        var closed = phoneOnB.Hub.ClosedSignal();
        var (deviceOnB, _) = await nodes.B.DeviceClient(unit.UnitId, unit.DeviceKey);

        await nodes.CommanderOnA.Send(HttpMethod.Put, $"/api/units/{unit.UnitId}", new { kind = "guard", name = "换机保安" }, HttpStatusCode.OK);

        await closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.Unauthorized, (await deviceOnB.GetAsync("/api/tasks/current")).StatusCode);
    }

    [Fact]
    public async Task A_user_disabled_on_node_A_loses_its_token_and_wall_connection_on_node_B_and_cannot_sign_in_there()
    {
        var stationOnB = await nodes.B.StaffClient("station");
        await using var wallOnB = await WallClient.Connect(nodes.B, stationOnB);
        var closed = wallOnB.Hub.ClosedSignal();

        await nodes.CommanderOnA.Send(HttpMethod.Post, "/api/users/station/disable", null, HttpStatusCode.OK);

        await closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.Unauthorized, (await stationOnB.GetAsync("/api/incidents")).StatusCode);
        var login = await nodes.B.CreateClient().PostAsync("/api/auth/login", ApiKit.Body(new { username = "station", password = "station" }));
        Assert.Equal(HttpStatusCode.Forbidden, login.StatusCode);
        await nodes.CommanderOnA.Send(HttpMethod.Post, "/api/users/station/enable", null, HttpStatusCode.OK);
    }
}
