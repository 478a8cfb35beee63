using System.Net;
using System.Text.Json;
using GridCommand.Rules.Geo;
using GridCommand.Silo.Storage;
using Microsoft.AspNetCore.SignalR.Client;

namespace GridCommand.Tests.Api;

/// <summary>"Close the city gates" over HTTP and the field hub: plans, a drill sealing, an activation for an incident, declines, stand-down, refusals and roles.</summary>
public sealed class LockdownApiTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private GridCommandApp App => shared.App;
    private HttpClient Commander => shared.Commander;
    private HttpClient Dispatcher => shared.Dispatcher;
    private static readonly TimeSpan Rounds = TimeSpan.FromSeconds(20);

    private static object Point(string id, string name, string kind, string ring, GeoPoint at) => new { id, name, kind, ring, lat = at.Lat, lon = at.Lon };

    private async Task<string> NewPlan(params object[] points) =>
        (await Dispatcher.Send(HttpMethod.Post, "/api/lockdown-plans", new { name = "关城门 test", points }, HttpStatusCode.Created)).Id();

    private Task<JsonElement> ActivationOnce(string id, Func<JsonElement, bool> done, string what) =>
        Eventually.Until(() => Dispatcher.Get($"/api/lockdown-activations/{id}"), done, what, Rounds);

    private static JsonElement PointOf(JsonElement activation, string pointId) =>
        activation.GetProperty("points").EnumerateArray().Single(p => p.Str("pointId") == pointId);

    private Task Move(FieldUnit unit, GeoPoint to) =>
        unit.Client.Send(HttpMethod.Post, $"/api/units/{unit.UnitId}/position", new { lat = to.Lat, lon = to.Lon }, HttpStatusCode.Accepted);

    private Task<JsonElement> UnitOnce(string unitId, string status) =>
        Eventually.Until(() => Dispatcher.Get($"/api/units/{unitId}"), u => u.GetProperty("unit").Str("status") == status, $"unit {unitId} {status}");

    [Fact]
    public async Task A_drill_sends_the_nearest_guards_to_the_points_seals_when_they_are_within_50_m_and_stands_down()
    {
        var core = Areas.Centre(0);
        var gate = core.Offset(1000, 90);
        var planId = await NewPlan(Point("B1", "文昌路堵控点", "blocking-point", "core", core), Point("K1", "东门检查站", "checkpoint", "city", gate));
        var near = await App.EnrolOnDuty(Commander, "lk-near", "guard", core.Offset(300, 0));
        var far = await App.EnrolOnDuty(Commander, "lk-far", "guard", core.Offset(700, 0));
        var atGate = await App.EnrolOnDuty(Commander, "lk-gate", "patrol-car", gate.Offset(400, 180));
        var volunteer = await App.EnrolOnDuty(Commander, "lk-vol", "volunteer", core.Offset(20, 0));
        await using var nearPhone = await FieldPhone.Connect(App, near);
        await using var gatePhone = await FieldPhone.Connect(App, atGate);

        var plans = await Dispatcher.Get("/api/lockdown-plans");
        var listed = plans.EnumerateArray().Single(p => p.Id() == planId);
        Assert.Equal((2, 1, 1, 1), (listed.GetProperty("points").GetInt32(), listed.GetProperty("checkpoints").GetInt32(),
            listed.GetProperty("core").GetInt32(), listed.GetProperty("city").GetInt32()));

        var started = await Dispatcher.Send(HttpMethod.Post, $"/api/lockdown-plans/{planId}/activate", new { drill = true }, HttpStatusCode.Created);
        var id = started.Id();
        Assert.True(started.GetProperty("drill").GetBoolean());
        Assert.Equal(["unstaffed", "unstaffed"], started.GetProperty("points").EnumerateArray().Select(p => p.Str("state")));

        var task = await nearPhone.NextTask(Rounds);
        Assert.Equal(("lockdown-blocking-point", "文昌路堵控点", core.Lat, core.Lon), (task.Str("type"), task.Str("address"),
            task.GetProperty("lat").GetDouble(), task.GetProperty("lon").GetDouble()));
        Assert.Contains("应急堵控点文昌路堵控点", task.Str("description"));
        var gateTask = await gatePhone.NextTask(Rounds);
        Assert.Equal("lockdown-checkpoint", gateTask.Str("type"));

        var assigned = await ActivationOnce(id, a => a.GetProperty("enRoute").GetInt32() == 2, "both points en route");
        Assert.Equal((near.UnitId, "en-route"), (PointOf(assigned, "B1").Str("unitId"), PointOf(assigned, "B1").Str("state")));
        Assert.Equal(atGate.UnitId, PointOf(assigned, "K1").Str("unitId"));
        Assert.DoesNotContain(assigned.GetProperty("points").EnumerateArray(), p => p.Str("unitId") is "lk-far" or "lk-vol");
        await UnitOnce(near.UnitId, "assigned");
        Assert.Equal(near.UnitId, (await near.Client.Get("/api/tasks/current")).Str("unitId"));

        Assert.Equal("accepted", (await nearPhone.Hub.InvokeAsync<JsonElement>("Accept", task.Str("taskId"))).Str("status"));
        await near.Client.Send(HttpMethod.Post, $"/api/tasks/{task.Str("taskId")}/complete", new { }, HttpStatusCode.Conflict);
        await Move(near, core.Offset(30, 45));
        var half = await ActivationOnce(id, a => PointOf(a, "B1").Str("state") == "staffed", "B1 staffed");
        Assert.Equal(JsonValueKind.Null, half.GetProperty("timeToSealSeconds").ValueKind);
        Assert.Equal((1, 1, 0), (half.GetProperty("staffed").GetInt32(), half.GetProperty("enRoute").GetInt32(), half.GetProperty("unstaffed").GetInt32()));
        await UnitOnce(near.UnitId, "on-scene");

        await Move(atGate, gate.Offset(10, 0));
        var sealedView = await ActivationOnce(id, a => a.GetProperty("timeToSealSeconds").ValueKind == JsonValueKind.Number, "sealed");
        Assert.Equal(2, sealedView.GetProperty("staffed").GetInt32());
        var toSeal = sealedView.GetProperty("timeToSealSeconds").GetInt32();
        Assert.InRange(toSeal, 0, 60);
        Assert.True(sealedView.GetProperty("sinceActivationSeconds").GetInt32() >= toSeal - 1);

        var stood = await Dispatcher.Send(HttpMethod.Post, $"/api/lockdown-activations/{id}/stand-down", null, HttpStatusCode.OK);
        Assert.False(stood.GetProperty("active").GetBoolean());
        Assert.Equal(task.Str("taskId"), (await nearPhone.NextWithdrawal()).Str("taskId"));
        Assert.Equal(gateTask.Str("taskId"), (await gatePhone.NextWithdrawal()).Str("taskId"));
        await UnitOnce(near.UnitId, "available");
        await UnitOnce(atGate.UnitId, "available");
        await (await Dispatcher.PostAsync($"/api/lockdown-activations/{id}/stand-down", null)).Problem(HttpStatusCode.Conflict);
        Assert.DoesNotContain((await Dispatcher.Get("/api/lockdown-activations")).EnumerateArray(), a => a.Id() == id);

        var events = (await App.Service<GridDatabase>().Events.ReadAsync("lockdown-activation", id)).Select(e => e.Event.What).ToList();
        Assert.Equal(["lockdown.drill-activated", "lockdown.point-assigned", "lockdown.point-assigned", "lockdown.point-accept",
            "lockdown.point-staffed", "lockdown.point-staffed", "lockdown.sealed", "lockdown.stood-down"], events);
    }

    [Fact]
    public async Task For_an_incident_its_own_units_are_left_alone_and_a_declined_point_goes_to_the_next_unit()
    {
        var scene = Areas.Centre(5);
        var own = await App.EnrolOnDuty(Commander, "lk-own", "patrol-car", scene.Offset(50, 0));
        var second = await App.EnrolOnDuty(Commander, "lk-second", "guard", scene.Offset(200, 0));
        var third = await App.EnrolOnDuty(Commander, "lk-third", "guard", scene.Offset(600, 0));
        var incident = (await Dispatcher.CreateIncident("robbery", scene, priority: 1)).Id();
        await Dispatcher.RecommendationsOnce(incident, 3);
        var taskId = (await Dispatcher.Send(HttpMethod.Post, $"/api/incidents/{incident}/dispatch", new { unitId = own.UnitId }, HttpStatusCode.OK)).Str("taskId");
        foreach (var step in new[] { "accept", "arrive", "complete" })
            await own.Client.Send(HttpMethod.Post, $"/api/tasks/{taskId}/{step}", new { }, HttpStatusCode.OK);
        await UnitOnce(own.UnitId, "available");
        await using var secondPhone = await FieldPhone.Connect(App, second);
        await using var thirdPhone = await FieldPhone.Connect(App, third);

        var planId = await NewPlan(Point("B1", "荷花池西门", "blocking-point", "core", scene.Offset(20, 0)),
            Point("B2", "城区堵控点", "blocking-point", "urban", scene.Offset(3000, 90)));
        var id = (await Dispatcher.Send(HttpMethod.Post, $"/api/lockdown-plans/{planId}/activate",
            new { incidentId = incident, rings = new[] { "core" }, drill = false }, HttpStatusCode.Created)).Id();
        var offered = await secondPhone.NextTask(Rounds);
        var view = await Dispatcher.Get($"/api/lockdown-activations/{id}");
        Assert.Equal((incident, 1), (view.Str("incidentId"), view.GetProperty("points").GetArrayLength()));

        await second.Client.Send(HttpMethod.Post, $"/api/tasks/{offered.Str("taskId")}/decline", new { reason = "在处置纠纷" }, HttpStatusCode.OK);
        Assert.Equal(offered.Str("taskId"), (await thirdPhone.NextTask(Rounds)).Str("taskId"));
        var retaken = await ActivationOnce(id, a => PointOf(a, "B1").GetProperty("unitId").ValueKind == JsonValueKind.String, "B1 offered again");
        Assert.Equal(third.UnitId, PointOf(retaken, "B1").Str("unitId"));
        await UnitOnce(second.UnitId, "available");
        await Dispatcher.Send(HttpMethod.Post, $"/api/lockdown-activations/{id}/stand-down", null, HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_plan_is_edited_with_put_and_bad_input_unknown_ids_and_conflicts_are_refused_with_a_message()
    {
        var at = Areas.Centre(10);
        var planId = await NewPlan(Point("B1", "核心堵控点", "blocking-point", "core", at));
        var edited = await Dispatcher.Send(HttpMethod.Put, $"/api/lockdown-plans/{planId}",
            new { name = "关城门 edited", points = new[] { Point("B1", "核心堵控点", "blocking-point", "core", at), Point("K1", "西门检查站", "checkpoint", "city", at.Offset(500, 270)) } },
            HttpStatusCode.OK);
        Assert.Equal((2, 2), (edited.GetProperty("points").GetArrayLength(), edited.GetProperty("version").GetInt32()));
        Assert.Equal("关城门 edited", (await Dispatcher.Get($"/api/lockdown-plans/{planId}")).Str("name"));

        async Task Refused(HttpMethod method, string path, object? body, HttpStatusCode status, string words)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : ApiKit.Body(body) };
            var problem = await (await Dispatcher.SendAsync(request)).Problem(status);
            Assert.Contains(words, problem.GetRawText());
        }
        var point = Point("B1", "x", "blocking-point", "core", at);
        await Refused(HttpMethod.Post, "/api/lockdown-plans", new { name = "p", points = new[] { Point("B1", "x", "gate", "core", at) } }, HttpStatusCode.BadRequest, "kind must be one of");
        await Refused(HttpMethod.Post, "/api/lockdown-plans", new { name = "p", points = Array.Empty<object>() }, HttpStatusCode.BadRequest, "at least one point");
        await Refused(HttpMethod.Post, "/api/lockdown-plans", new { name = "p", points = new[] { Point("B1", "x", "checkpoint", "city", new GeoPoint(31, 119)) } }, HttpStatusCode.BadRequest, "outside the city");
        await Refused(HttpMethod.Post, "/api/lockdown-plans", new { id = planId, name = "p", points = new[] { point } }, HttpStatusCode.Conflict, "already exists");
        await Refused(HttpMethod.Put, "/api/lockdown-plans/no-such-plan", new { name = "p", points = new[] { point } }, HttpStatusCode.NotFound, "No plan");
        await Refused(HttpMethod.Get, "/api/lockdown-plans/no-such-plan", null, HttpStatusCode.NotFound, "No plan");
        await Refused(HttpMethod.Post, $"/api/lockdown-plans/{planId}/activate", new { }, HttpStatusCode.BadRequest, "incidentId is required");
        await Refused(HttpMethod.Post, $"/api/lockdown-plans/{planId}/activate", new { drill = true, incidentId = "I1" }, HttpStatusCode.BadRequest, "without an incident");
        await Refused(HttpMethod.Post, $"/api/lockdown-plans/{planId}/activate", new { drill = true, rings = new[] { "outer" } }, HttpStatusCode.BadRequest, "rings must be");
        await Refused(HttpMethod.Post, $"/api/lockdown-plans/{planId}/activate", new { drill = true, rings = Array.Empty<string>() }, HttpStatusCode.BadRequest, "at least one");
        await Refused(HttpMethod.Post, $"/api/lockdown-plans/{planId}/activate", new { drill = true, rings = new[] { "urban" } }, HttpStatusCode.BadRequest, "no point in the rings urban");
        await Refused(HttpMethod.Post, "/api/lockdown-plans/no-such-plan/activate", new { drill = true }, HttpStatusCode.NotFound, "No plan");
        await Refused(HttpMethod.Post, $"/api/lockdown-plans/{planId}/activate", new { incidentId = "I000101-000000-0000" }, HttpStatusCode.NotFound, "No incident");
        await Refused(HttpMethod.Post, "/api/lockdown-plans/bad%20id/activate", new { drill = true }, HttpStatusCode.BadRequest, "planId must be");
        await Refused(HttpMethod.Get, "/api/lockdown-activations/L000101-000000-0000", null, HttpStatusCode.NotFound, "No lockdown activation");
        await Refused(HttpMethod.Post, "/api/lockdown-activations/L000101-000000-0000/stand-down", null, HttpStatusCode.NotFound, "No such activation");
    }

    [Fact]
    public async Task Commanders_and_dispatchers_run_plans_station_officers_read_them_and_the_wall_and_devices_get_neither()
    {
        var station = await App.StaffClient("station");
        var wall = await App.StaffClient("wall");
        var anonymous = App.CreateClient();
        var body = new { name = "p", points = new[] { Point("B1", "x", "blocking-point", "core", Areas.Centre(11)) } };
        Assert.Equal(HttpStatusCode.OK, (await station.GetAsync("/api/lockdown-plans")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await station.GetAsync("/api/lockdown-activations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await station.PostAsync("/api/lockdown-plans", ApiKit.Body(body))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await station.PostAsync("/api/lockdown-plans/any/activate", ApiKit.Body(new { drill = true }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await station.PostAsync("/api/lockdown-activations/L1/stand-down", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await wall.GetAsync("/api/lockdown-plans")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/lockdown-activations/L1")).StatusCode);
        await Commander.Send(HttpMethod.Post, "/api/lockdown-plans", body, HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_lockdown_routes()
    {
        var paths = (await App.CreateClient().Get("/openapi/v1.json")).GetProperty("paths").EnumerateObject().Select(p => p.Name.TrimEnd('/')).ToHashSet();
        Assert.Superset(new HashSet<string> { "/api/lockdown-plans", "/api/lockdown-plans/{planId}", "/api/lockdown-plans/{planId}/activate",
            "/api/lockdown-activations", "/api/lockdown-activations/{id}", "/api/lockdown-activations/{id}/stand-down" }, paths);
    }
}
