using System.Net;
using System.Text.Json;
using GridCommand.Silo.Storage;
using Microsoft.AspNetCore.SignalR.Client;

namespace GridCommand.Tests.Api;

/// <summary>The dispatch feature end to end over HTTP and the field hub, with phones as SignalR clients.</summary>
public sealed class DispatchFlowTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private GridCommandApp App => shared.App;
    private HttpClient Commander => shared.Commander;
    private HttpClient Dispatcher => shared.Dispatcher;

    /// <summary>A car 900 m north, a guard 400 m east, a volunteer 600 m south of the scene.</summary>
    private async Task<(FieldUnit Car, FieldUnit Guard, FieldUnit Volunteer)> ThreeUnits(string prefix, GridCommand.Rules.Geo.GeoPoint scene) =>
        (await App.EnrolOnDuty(Commander, $"{prefix}-car", "patrol-car", scene.Offset(900, 0)),
         await App.EnrolOnDuty(Commander, $"{prefix}-guard", "guard", scene.Offset(400, 90)),
         await App.EnrolOnDuty(Commander, $"{prefix}-vol", "volunteer", scene.Offset(600, 180)));

    private Task<JsonElement> Dispatch(string incidentId, object? body = null) =>
        Dispatcher.Send(HttpMethod.Post, $"/api/incidents/{incidentId}/dispatch", body ?? new { }, HttpStatusCode.OK);

    private Task<JsonElement> UnitOnce(string unitId, string status) =>
        Eventually.Until(() => Dispatcher.Get($"/api/units/{unitId}"), u => u.GetProperty("unit").Str("status") == status,
            $"unit {unitId} {status}");

    [Fact]
    public async Task The_fastest_unit_is_sent_and_the_incident_runs_from_open_to_closed()
    {
        var scene = Areas.Centre(0);
        var (car, guard, volunteer) = await ThreeUnits("flow", scene);
        await using var carPhone = await FieldPhone.Connect(App, car);

        var created = await Dispatcher.CreateIncident("fight", scene, priority: 1);
        var id = created.Id();
        Assert.Equal("new", created.Str("status"));
        Assert.False(string.IsNullOrEmpty(created.Str("cellId")));
        Assert.Equal(JsonValueKind.Null, created.GetProperty("duplicateOf").ValueKind);

        // Ranked by ETA, not distance: the car is furthest but fastest.
        var recommended = await Dispatcher.RecommendationsOnce(id, 3);
        Assert.Equal([car.UnitId, guard.UnitId, volunteer.UnitId], recommended.UnitIds());
        var (top, second) = (recommended[0], recommended[1]);
        Assert.Equal("patrol-car", top.Str("kind"));
        Assert.True(top.GetProperty("distanceMeters").GetInt32() > second.GetProperty("distanceMeters").GetInt32());
        Assert.InRange(top.GetProperty("etaSeconds").GetInt32(), 105, 120);
        Assert.InRange(second.GetProperty("etaSeconds").GetInt32(), 395, 410);
        Assert.InRange(top.GetProperty("fixAgeSeconds").GetInt32(), 0, 60);
        Assert.Equal([guard.UnitId], (await Dispatcher.Get($"/api/incidents/{id}/recommendations?kind=guard")).UnitIds());
        Assert.Equal([car.UnitId], (await Dispatcher.Get($"/api/incidents/{id}/recommendations?limit=1")).UnitIds());

        // One click: no unit named.
        var assigned = await Dispatch(id);
        var taskId = assigned.Str("taskId");
        Assert.Equal(car.UnitId, assigned.Str("unitId"));
        Assert.Equal(top.GetProperty("etaSeconds").GetInt32(), assigned.GetProperty("etaSeconds").GetInt32());

        var offered = await carPhone.NextTask();
        Assert.Equal(taskId, offered.Str("taskId"));
        // The screens hear of it too: the live picture behind lists, the wall and the console shows the task.
        await Eventually.Until(() => Dispatcher.Get("/api/incidents?status=open"),
            list => list.EnumerateArray().Any(i => i.Id() == id && i.Str("status") == "dispatched"
                && i.GetProperty("tasks").EnumerateArray().Any(t => t.Str("taskId") == taskId)), "the dispatch in the live picture");
        Assert.Equal(id, offered.Str("incidentId"));
        Assert.Equal("assigned", offered.Str("status"));
        await UnitOnce(car.UnitId, "assigned");

        var accepted = await carPhone.Hub.InvokeAsync<JsonElement>("Accept", taskId);
        Assert.Equal("accepted", accepted.Str("status"));
        await UnitOnce(car.UnitId, "en-route");

        var arrived = await car.Client.Send(HttpMethod.Post, $"/api/tasks/{taskId}/arrive", null, HttpStatusCode.OK);
        Assert.Equal("on-scene", arrived.Str("status"));
        Assert.Equal("on-scene", (await Dispatcher.Get($"/api/incidents/{id}")).Str("status"));

        var done = await carPhone.Hub.InvokeAsync<JsonElement>("Complete", taskId, "crowd dispersed");
        Assert.Equal("done", done.Str("status"));

        var resolved = await Dispatcher.Get($"/api/incidents/{id}");
        Assert.Equal("resolved", resolved.Str("status"));
        Assert.Equal(["opened", "dispatched", "task-accepted", "task-onscene", "task-done"], resolved.Steps());
        var task = Assert.Single(resolved.GetProperty("tasks").EnumerateArray());
        Assert.Equal(("done", "crowd dispersed"), (task.Str("status"), task.Str("remark")));
        var unit = (await UnitOnce(car.UnitId, "available")).GetProperty("unit");
        Assert.Equal(JsonValueKind.Null, unit.GetProperty("taskId").ValueKind);

        var closed = await Dispatcher.Send(HttpMethod.Post, $"/api/incidents/{id}/close", new { resolution = "parties sent home" }, HttpStatusCode.OK);
        Assert.Equal("closed", closed.Str("status"));
        Assert.Equal("parties sent home", closed.Str("resolution"));
        Assert.Equal("closed", closed.Steps().Last());

        var events = await App.Service<GridDatabase>().Events.ReadAsync("incident", id);
        Assert.Equal(["incident.opened", "incident.received", "incident.dispatched", "task.accept", "task.arrive", "task.complete", "incident.outcome", "incident.closed"],
            events.Select(e => e.Event.What));
        Assert.Equal("dispatcher", events[2].Event.Actor);
        Assert.Equal(car.UnitId, events[3].Event.Actor);
        var unitEvents = (await App.Service<GridDatabase>().Events.ReadAsync("unit", car.UnitId)).Select(e => e.Event.What).ToList();
        Assert.Contains("unit.assigned", unitEvents);
        Assert.Contains("unit.task-release", unitEvents);

        await Eventually.Until(() => Dispatcher.Get("/api/incidents?status=closed"),
            list => list.EnumerateArray().Any(i => i.Id() == id), "the closed incident in the list");
        Assert.DoesNotContain(id, (await Dispatcher.Get("/api/incidents?status=open")).EnumerateArray().Select(i => i.Id()));
        await carPhone.AssertQuiet(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task A_decline_moves_the_task_to_the_next_unit()
    {
        var scene = Areas.Centre(1);
        var (car, guard, volunteer) = await ThreeUnits("decline", scene);
        await using var carPhone = await FieldPhone.Connect(App, car);
        await using var guardPhone = await FieldPhone.Connect(App, guard);
        var id = (await Dispatcher.CreateIncident("robbery", scene, priority: 1)).Id();
        await Dispatcher.RecommendationsOnce(id, 3);

        var first = await Dispatch(id);
        Assert.Equal(car.UnitId, first.Str("unitId"));
        Assert.Equal(first.Str("taskId"), (await carPhone.NextTask()).Str("taskId"));

        var declined = await car.Client.Send(HttpMethod.Post, $"/api/tasks/{first.Str("taskId")}/decline", new { reason = "flat tyre" }, HttpStatusCode.OK);
        Assert.Equal("declined", declined.Str("status"));

        var next = await guardPhone.NextTask();
        Assert.Equal(id, next.Str("incidentId"));
        Assert.NotEqual(first.Str("taskId"), next.Str("taskId"));
        await carPhone.AssertQuiet(TimeSpan.FromSeconds(1));

        var incident = await Dispatcher.Get($"/api/incidents/{id}");
        Assert.Equal("dispatched", incident.Str("status"));
        Assert.Equal([(car.UnitId, "declined", "flat tyre"), (guard.UnitId, "assigned", null)],
            incident.GetProperty("tasks").EnumerateArray().Select(t => (t.Str("unitId"), t.Str("status"), t.GetProperty("remark").GetString())));
        Assert.Contains("task-declined", incident.Steps());
        // The car is free again but not offered this incident; the guard is busy with it.
        await UnitOnce(car.UnitId, "available");
        Assert.Equal([volunteer.UnitId], (await Dispatcher.Get($"/api/incidents/{id}/recommendations")).UnitIds());

        var whats = (await App.Service<GridDatabase>().Events.ReadAsync("incident", id)).Select(e => e.Event.What).ToList();
        Assert.Equal(["incident.opened", "incident.received", "incident.dispatched", "task.decline", "incident.re-offered"], whats);

        // The guard declines too, over the hub: the volunteer is next.
        await guardPhone.Hub.InvokeAsync<JsonElement>("Decline", next.Str("taskId"), "at my post");
        await Eventually.Until(() => Dispatcher.Get($"/api/incidents/{id}"),
            i => i.GetProperty("tasks").EnumerateArray().Any(t => t.Str("unitId") == volunteer.UnitId && t.Str("status") == "assigned"),
            "the task offered to the volunteer");
    }

    [Fact]
    public async Task Two_dispatchers_sending_one_unit_to_two_incidents_one_wins_and_the_other_gets_the_next_choice()
    {
        var scene = Areas.Centre(2);
        var contested = await App.EnrolOnDuty(Commander, "race-car", "patrol-car", scene.Offset(150, 45));
        var other = await App.EnrolOnDuty(Commander, "race-other", "patrol-motorbike", scene.Offset(600, 200));
        var a = (await Dispatcher.CreateIncident("theft", scene)).Id();
        var b = (await Dispatcher.CreateIncident("fight", scene.Offset(300, 90))).Id();
        await Dispatcher.RecommendationsOnce(a, 2);
        await Dispatcher.RecommendationsOnce(b, 2);
        var secondDispatcher = await App.StaffClient("commander");

        var responses = await Task.WhenAll(
            Dispatcher.PostAsync($"/api/incidents/{a}/dispatch", ApiKit.Body(new { unitId = contested.UnitId })),
            secondDispatcher.PostAsync($"/api/incidents/{b}/dispatch", ApiKit.Body(new { unitId = contested.UnitId })));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var winner = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
        var loser = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        var won = await winner.Json(HttpStatusCode.OK);
        Assert.Equal(contested.UnitId, won.Str("unitId"));
        var problem = await loser.Problem(HttpStatusCode.Conflict);
        Assert.Equal(other.UnitId, problem.GetProperty("nextChoice").Str("unitId"));
        Assert.True(problem.GetProperty("nextChoice").GetProperty("etaSeconds").GetInt32() > 0);

        var unit = (await Dispatcher.Get($"/api/units/{contested.UnitId}")).GetProperty("unit");
        Assert.Equal(won.Str("taskId"), unit.Str("taskId"));
        var loserId = winner == responses[0] ? b : a;
        var lost = await Dispatcher.Get($"/api/incidents/{loserId}");
        Assert.Equal("new", lost.Str("status"));
        Assert.Empty(lost.GetProperty("tasks").EnumerateArray());
    }

    [Fact]
    public async Task A_retried_dispatch_with_the_same_request_id_makes_one_task()
    {
        var scene = Areas.Centre(3);
        await App.EnrolOnDuty(Commander, "retry-car", "patrol-car", scene.Offset(500, 0));
        await App.EnrolOnDuty(Commander, "retry-bike", "patrol-bike", scene.Offset(700, 90));
        var id = (await Dispatcher.CreateIncident("theft", scene)).Id();
        await Dispatcher.RecommendationsOnce(id, 2);
        var body = new { requestId = "req-retry-1" };

        var replies = await Task.WhenAll(Dispatch(id, body), Dispatch(id, body));
        var again = await Dispatch(id, body);

        Assert.Single(replies.Append(again).Select(r => r.Str("taskId")).Distinct());
        var incident = await Dispatcher.Get($"/api/incidents/{id}");
        Assert.Single(incident.GetProperty("tasks").EnumerateArray());
        Assert.Single(incident.Steps(), s => s == "dispatched");
        var events = await App.Service<GridDatabase>().Events.ReadAsync("incident", id);
        Assert.Single(events, e => e.Event.What == "incident.dispatched");
        // Another request id is a new dispatch: refused, a unit is already on it.
        await (await Dispatcher.PostAsync($"/api/incidents/{id}/dispatch", ApiKit.Body(new { requestId = "req-retry-2" })))
            .Problem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_retried_report_with_the_same_request_id_opens_one_incident()
    {
        var scene = Areas.Centre(3).Offset(1000, 180);
        var first = await Dispatcher.CreateIncident("fraud", scene, requestId: "call-retry-1");
        var rows = (await App.Service<GridDatabase>().Grains.ReadAllAsync("incident")).Count;
        var second = await Dispatcher.CreateIncident("fraud", scene, requestId: "call-retry-1");
        Assert.Equal(first.Id(), second.Id());
        Assert.Equal(1, second.GetProperty("reportCount").GetInt32());
        Assert.Equal(rows, (await App.Service<GridDatabase>().Grains.ReadAllAsync("incident")).Count);
    }

    [Fact]
    public async Task Six_people_calling_about_the_same_fire_at_once_make_one_incident_with_six_reports()
    {
        var scene = Areas.Centre(9);
        var calls = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Dispatcher.CreateIncident("fire", scene.Offset(20 * i, 60 * i), priority: 1)));

        var id = Assert.Single(calls.Select(c => c.Id()).Distinct());
        Assert.Single(calls, c => c.GetProperty("duplicateOf").ValueKind == JsonValueKind.Null);
        var incident = await Dispatcher.Get($"/api/incidents/{id}");
        Assert.Equal(6, incident.GetProperty("reportCount").GetInt32());
    }

    [Fact]
    public async Task A_repeat_call_is_merged_into_the_open_incident()
    {
        var scene = Areas.Centre(4);
        await App.EnrolOnDuty(Commander, "repeat-car", "patrol-car", scene.Offset(500, 0));
        var original = await Dispatcher.CreateIncident("theft", scene);
        var id = original.Id();
        await Dispatcher.RecommendationsOnce(id, 1);
        await Dispatch(id);
        // The cell learns of the open incident by message.
        await Eventually.Until(() => Dispatcher.Get($"/api/cells/{original.Str("cellId")}"),
            c => c.GetProperty("openIncidents").EnumerateArray().Any(i => i.GetString() == id), "the incident listed in its cell");
        var rows = (await App.Service<GridDatabase>().Grains.ReadAllAsync("incident")).Count;

        var repeat = await Commander.CreateIncident("theft", scene.Offset(120, 90));

        Assert.Equal(id, repeat.Id());
        Assert.Equal(id, repeat.Str("duplicateOf"));
        Assert.Equal(2, repeat.GetProperty("reportCount").GetInt32());
        Assert.Equal(rows, (await App.Service<GridDatabase>().Grains.ReadAllAsync("incident")).Count);
        var merged = await Dispatcher.Get($"/api/incidents/{id}");
        Assert.Equal(2, merged.GetProperty("reportCount").GetInt32());
        Assert.Single(merged.GetProperty("tasks").EnumerateArray());
        Assert.Equal("repeat-call", merged.Steps().Last());
        Assert.Contains(await App.Service<GridDatabase>().Events.ReadAsync("incident", id), e => e.Event.What == "incident.repeat-call");

        // Another type at the same place, or the same type too far away, is a new incident.
        var otherType = await Dispatcher.CreateIncident("fight", scene.Offset(50, 0));
        var farther = await Dispatcher.CreateIncident("theft", scene.Offset(350, 270));
        Assert.NotEqual(id, otherType.Id());
        Assert.NotEqual(id, farther.Id());
        Assert.Equal(JsonValueKind.Null, otherType.GetProperty("duplicateOf").ValueKind);
        Assert.Equal(JsonValueKind.Null, farther.GetProperty("duplicateOf").ValueKind);
    }

    [Fact]
    public async Task Non_police_matters_are_diverted_unless_told_otherwise_or_overridden()
    {
        var scene = Areas.Centre(5);
        var car = await App.EnrolOnDuty(Commander, "divert-car", "patrol-car", scene.Offset(500, 0));

        var noise = await Dispatcher.CreateIncident("noise", scene, priority: 3);
        Assert.Equal("diverted", noise.Str("status"));
        Assert.Equal("diverted", (await Dispatcher.CreateIncident("parking", scene.Offset(400, 90), priority: 3)).Str("status"));
        Assert.Equal("diverted", (await Dispatcher.CreateIncident("labour-dispute", scene.Offset(400, 270), priority: 3)).Str("status"));
        Assert.Equal("new", (await Dispatcher.CreateIncident("noise", scene.Offset(400, 180), priority: 3, divert: false)).Str("status"));
        Assert.Equal("new", (await Dispatcher.CreateIncident("dispute", scene.Offset(400, 0), priority: 3)).Str("status"));

        var diverted = await Dispatcher.Get($"/api/incidents/{noise.Id()}");
        Assert.False(string.IsNullOrEmpty(diverted.Str("divertedTo")));
        Assert.Equal(["opened", "diverted"], diverted.Steps());

        await (await Dispatcher.PostAsync($"/api/incidents/{noise.Id()}/dispatch", ApiKit.Body(new { }))).Problem(HttpStatusCode.Conflict);
        Assert.Empty((await Dispatcher.Get($"/api/incidents/{noise.Id()}")).GetProperty("tasks").EnumerateArray());

        await Dispatcher.RecommendationsOnce(noise.Id(), 1);
        var sent = await Dispatch(noise.Id(), new { @override = true });
        Assert.Equal(car.UnitId, sent.Str("unitId"));
        var overridden = await Dispatcher.Get($"/api/incidents/{noise.Id()}");
        Assert.Equal("dispatched", overridden.Str("status"));
        Assert.Contains("diversion-overridden", overridden.Steps());
    }

    [Fact]
    public async Task Backup_reassign_and_cancel()
    {
        var scene = Areas.Centre(7);
        var first = await App.EnrolOnDuty(Commander, "re-car1", "patrol-car", scene.Offset(300, 0));
        var second = await App.EnrolOnDuty(Commander, "re-car2", "patrol-car", scene.Offset(600, 90));
        var third = await App.EnrolOnDuty(Commander, "re-car3", "patrol-car", scene.Offset(900, 180));
        await using var firstPhone = await FieldPhone.Connect(App, first);
        var id = (await Dispatcher.CreateIncident("fight", scene, priority: 1)).Id();
        await Dispatcher.RecommendationsOnce(id, 3);

        var t1 = await Dispatch(id);
        Assert.Equal(first.UnitId, t1.Str("unitId"));
        await (await Dispatcher.PostAsync($"/api/incidents/{id}/dispatch", ApiKit.Body(new { }))).Problem(HttpStatusCode.Conflict);
        var t2 = await Dispatcher.Send(HttpMethod.Post, $"/api/incidents/{id}/backup", new { }, HttpStatusCode.OK);
        Assert.Equal(second.UnitId, t2.Str("unitId"));
        Assert.Equal(t1.Str("taskId"), (await firstPhone.NextTask()).Str("taskId"));

        // Reassigning the first task withdraws it from the first car and gives it to another unit, not back to the same car.
        var reassigned = await Dispatcher.Send(HttpMethod.Post, $"/api/tasks/{t1.Str("taskId")}/reassign", new { reason = "car needed elsewhere" }, HttpStatusCode.OK);
        Assert.Equal(t1.Str("taskId"), (await firstPhone.NextWithdrawal()).Str("taskId"));
        var tasks = reassigned.GetProperty("tasks").EnumerateArray().Select(t => (t.Str("unitId"), t.Str("status"))).ToList();
        Assert.Equal([(first.UnitId, "cancelled"), (second.UnitId, "assigned"), (third.UnitId, "assigned")], tasks);
        await UnitOnce(first.UnitId, "available");

        var cancelled = await Dispatcher.Send(HttpMethod.Post, $"/api/tasks/{t2.Str("taskId")}/cancel", new { reason = "not needed" }, HttpStatusCode.OK);
        Assert.Equal("cancelled", cancelled.GetProperty("tasks")[1].Str("status"));
        await UnitOnce(second.UnitId, "available");
        await (await Dispatcher.PostAsync($"/api/tasks/{t2.Str("taskId")}/cancel", ApiKit.Body(new { }))).Problem(HttpStatusCode.Conflict);
        // A late answer to a cancelled task is refused.
        await (await second.Client.PostAsync($"/api/tasks/{t2.Str("taskId")}/accept", ApiKit.Body(new { }))).Problem(HttpStatusCode.Conflict);

        var whats = (await App.Service<GridDatabase>().Events.ReadAsync("incident", id)).Select(e => e.Event.What).ToList();
        Assert.Equal(["incident.opened", "incident.received", "incident.dispatched", "incident.dispatched", "task.reassigned", "task.cancelled"], whats);
    }

    [Fact]
    public async Task A_resent_answer_does_nothing_twice()
    {
        var scene = Areas.Centre(8);
        var car = await App.EnrolOnDuty(Commander, "resend-car", "patrol-car", scene.Offset(300, 0));
        var id = (await Dispatcher.CreateIncident("theft", scene)).Id();
        await Dispatcher.RecommendationsOnce(id, 1);
        var taskId = (await Dispatch(id)).Str("taskId");

        await car.Client.Send(HttpMethod.Post, $"/api/tasks/{taskId}/accept", new { }, HttpStatusCode.OK);
        var again = await car.Client.Send(HttpMethod.Post, $"/api/tasks/{taskId}/accept", new { }, HttpStatusCode.OK);

        Assert.Equal("accepted", again.Str("status"));
        Assert.Single((await Dispatcher.Get($"/api/incidents/{id}")).Steps(), s => s == "task-accepted");
        var events = await App.Service<GridDatabase>().Events.ReadAsync("incident", id);
        Assert.Single(events, e => e.Event.What == "task.accept");
    }

    [Fact]
    public async Task The_wall_gets_a_snapshot_on_connect_then_incidents_and_the_units_it_watches_as_they_change()
    {
        var scene = Areas.Centre(6);
        var unit = await App.EnrolOnDuty(Commander, "wall-car", "patrol-car", scene.Offset(500, 0));
        var before = (await Dispatcher.CreateIncident("missing-person", scene)).Id();
        await Eventually.Until(() => Dispatcher.Get("/api/units"), l => l.EnumerateArray().Any(u => u.Str("unitId") == unit.UnitId),
            "the unit in the live picture");
        await Eventually.Until(() => Dispatcher.Get("/api/incidents?status=all"), l => l.EnumerateArray().Any(i => i.Id() == before),
            "the incident in the live picture");

        await using var wall = await WallClient.Connect(App, await App.StaffClient("wall"));
        var snapshot = await wall.Snapshot();
        Assert.Contains(snapshot.GetProperty("incidents").EnumerateArray(), i => i.Id() == before);
        Assert.True(snapshot.GetProperty("kpis").GetProperty("todayTotal").GetInt32() >= 1);
        Assert.NotEmpty(snapshot.GetProperty("cells").EnumerateArray());

        var around = new GridCommand.Rules.Geo.GeoBounds(scene.Lat - 0.01, scene.Lon - 0.01, scene.Lat + 0.01, scene.Lon + 0.01);
        Assert.Contains(await wall.Watch(around), u => u.Str("unitId") == unit.UnitId);

        var after = (await Dispatcher.CreateIncident("suspicious-person", scene.Offset(600, 90))).Id();
        await wall.Incident(i => i.Id() == after, $"incident {after}");

        await unit.Client.Send(HttpMethod.Post, $"/api/units/{unit.UnitId}/position",
            new { lat = scene.Offset(450, 0).Lat, lon = scene.Lon }, HttpStatusCode.Accepted);
        await wall.Unit(u => u.Str("unitId") == unit.UnitId, $"{unit.UnitId}'s new fix");
    }
}
