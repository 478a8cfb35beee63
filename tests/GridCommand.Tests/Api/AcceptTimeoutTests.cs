using System.Net;
using System.Text.Json;
using GridCommand.Silo.Storage;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace GridCommand.Tests.Api;

/// <summary>An offer nobody accepts lapses (here after 2 s): withdrawn from the phone and offered to the next unit.</summary>
public sealed class AcceptTimeoutTests(QuickTimeoutApp shared) : IClassFixture<QuickTimeoutApp>
{
    [Fact]
    public async Task An_unaccepted_task_is_withdrawn_and_offered_to_the_next_unit()
    {
        var (app, commander, dispatcher) = (shared.App, shared.Commander, shared.Dispatcher);
        var scene = Areas.Centre(0);
        var car = await app.EnrolOnDuty(commander, "slow-car", "patrol-car", scene.Offset(900, 0));
        var guard = await app.EnrolOnDuty(commander, "quick-guard", "guard", scene.Offset(400, 90));
        await using var carPhone = await FieldPhone.Connect(app, car);
        await using var guardPhone = await FieldPhone.Connect(app, guard);
        var id = (await dispatcher.CreateIncident("medical", scene, priority: 1)).Id();
        await dispatcher.RecommendationsOnce(id, 2);

        var first = await dispatcher.Send(HttpMethod.Post, $"/api/incidents/{id}/dispatch", new { }, HttpStatusCode.OK);
        var firstTaskId = first.Str("taskId");
        Assert.Equal(car.UnitId, first.Str("unitId"));
        Assert.Equal(firstTaskId, (await carPhone.NextTask()).Str("taskId"));

        // No answer: after the timeout the car's phone hears the task is gone, and the guard gets it.
        Assert.Equal(firstTaskId, (await carPhone.NextWithdrawal(TimeSpan.FromSeconds(8))).Str("taskId"));
        var next = await guardPhone.NextTask(TimeSpan.FromSeconds(5));
        Assert.Equal(id, next.Str("incidentId"));
        var accepted = await guardPhone.Hub.InvokeAsync<JsonElement>("Accept", next.Str("taskId"));
        Assert.Equal("accepted", accepted.Str("status"));

        // A late accept of the lapsed offer is refused and changes nothing.
        await (await car.Client.PostAsync($"/api/tasks/{firstTaskId}/accept", ApiKit.Body(new { }))).Problem(HttpStatusCode.Conflict);
        await Assert.ThrowsAsync<HubException>(() => carPhone.Hub.InvokeAsync<JsonElement>("Accept", firstTaskId));

        var incident = await dispatcher.Get($"/api/incidents/{id}");
        Assert.Equal([(car.UnitId, "timed-out"), (guard.UnitId, "accepted")],
            incident.GetProperty("tasks").EnumerateArray().Select(t => (t.Str("unitId"), t.Str("status"))));
        Assert.Equal(["opened", "dispatched", "task-timed-out", "dispatched", "task-accepted"], incident.Steps());
        var whats = (await app.Service<GridDatabase>().Events.ReadAsync("incident", id)).Select(e => e.Event.What);
        Assert.Equal(["incident.opened", "incident.received", "incident.dispatched", "task.timed-out", "incident.re-offered", "task.accept"], whats);
        await Eventually.Until(() => dispatcher.Get($"/api/units/{car.UnitId}"),
            u => u.GetProperty("unit").Str("status") == "available", "the car released");
        // The accepted task does not time out.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal("accepted", (await dispatcher.Get($"/api/incidents/{id}")).GetProperty("tasks")[1].Str("status"));
        await guardPhone.AssertQuiet(TimeSpan.Zero);
        await carPhone.AssertQuiet(TimeSpan.Zero);
    }
}
