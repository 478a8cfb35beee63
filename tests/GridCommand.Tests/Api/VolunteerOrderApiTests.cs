using System.Net;
using System.Text.Json;
using GridCommand.Rules.Geo;

namespace GridCommand.Tests.Api;

/// <summary>Volunteer orders over HTTP and the field hub: publish to those in range, the claim race, completion and points.</summary>
public sealed class VolunteerOrderApiTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private GridCommandApp App => shared.App;
    private HttpClient Commander => shared.Commander;
    private HttpClient Dispatcher => shared.Dispatcher;

    private Task<FieldUnit> TeamVolunteer(string unitId, GeoPoint at, string team) => App.EnrolOnDuty(Commander, unitId, "volunteer", at, team);

    private async Task<JsonElement> Publish(string incidentId, int radius, string? note = "寻找走失儿童") =>
        await Dispatcher.Send(HttpMethod.Post, $"/api/incidents/{incidentId}/volunteer-orders", new { radiusMeters = radius, note }, HttpStatusCode.Created);

    /// <summary>Until the web node's live picture has the volunteers on duty where they are (positions come by the feed).</summary>
    private Task InLivePicture(params FieldUnit[] units) =>
        Eventually.Until(() => Dispatcher.Get("/api/units?kind=volunteer&status=available"),
            list => units.All(u => list.EnumerateArray().Any(x => x.Str("unitId") == u.UnitId && x.TryGetProperty("lat", out var lat)
                && lat.ValueKind == JsonValueKind.Number)), "volunteers in the live picture");

    [Fact]
    public async Task Of_many_volunteers_claiming_at_once_exactly_one_gets_the_order_and_the_others_see_it_taken()
    {
        var scene = Areas.Centre(0);
        var team = "龙城众队001队";
        var volunteers = new List<FieldUnit>();
        for (var i = 0; i < 12; i++) volunteers.Add(await TeamVolunteer($"race-v{i:D2}", scene.Offset(100 + 30 * i, i * 30), team));
        var far = await TeamVolunteer("race-far", scene.Offset(3000, 0), team);
        await InLivePicture([.. volunteers, far]);
        await using var watching = await VolunteerPhone.Connect(App, volunteers[0]);
        await using var farPhone = await VolunteerPhone.Connect(App, far);

        var incident = (await Dispatcher.CreateIncident("missing-person", scene, priority: 1)).Id();
        var order = await Publish(incident, 1000);
        var orderId = order.Id();
        Assert.Equal((incident, "open", 1000, 12), (order.Str("incidentId"), order.Str("status"), order.GetProperty("radiusMeters").GetInt32(),
            order.GetProperty("notified").GetInt32()));
        Assert.Equal(orderId, (await watching.NextOrder()).Id());
        var nearMe = await volunteers[5].Client.Get("/api/volunteer-orders/near-me");
        var listed = Assert.Single(nearMe.GetProperty("orders").EnumerateArray());
        Assert.Equal(orderId, listed.GetProperty("order").Id());
        Assert.InRange(listed.GetProperty("distanceMeters").GetInt32(), 230, 270);
        Assert.Empty((await far.Client.Get("/api/volunteer-orders/near-me")).GetProperty("orders").EnumerateArray());

        var answers = await Task.WhenAll(volunteers.Select(async v =>
        {
            var response = await v.Client.PostAsync($"/api/volunteer-orders/{orderId}/claim", null);
            return (v.UnitId, response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));
        var winner = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK).UnitId;
        Assert.All(answers.Where(a => a.UnitId != winner), a =>
        {
            Assert.Equal(HttpStatusCode.Conflict, a.StatusCode);
            Assert.Contains(winner, a.Body);
        });

        var taken = await watching.NextTaken();
        Assert.Equal(("claimed", winner), (taken.Str("status"), taken.Str("claimedBy")));
        Assert.False(farPhone.HeardAnyOrder);
        var task = Assert.Single((await Dispatcher.Get($"/api/incidents/{incident}")).GetProperty("tasks").EnumerateArray());
        Assert.Equal((winner, "volunteer", "accepted"), (task.Str("unitId"), task.Str("unitKind"), task.Str("status")));
        var loser = volunteers.First(v => v.UnitId != winner);
        Assert.Empty((await loser.Client.Get("/api/volunteer-orders/near-me")).GetProperty("orders").EnumerateArray());
        var winnerPhone = volunteers.Single(v => v.UnitId == winner);
        var mine = Assert.Single((await winnerPhone.Client.Get("/api/volunteer-orders/near-me")).GetProperty("orders").EnumerateArray());
        Assert.Equal("claimed", mine.GetProperty("order").Str("status"));
        // A resent claim by the winner is answered the same, with no second task.
        Assert.Equal(winner, (await winnerPhone.Client.Send(HttpMethod.Post, $"/api/volunteer-orders/{orderId}/claim", null, HttpStatusCode.OK)).Str("claimedBy"));

        var done = await winnerPhone.Client.Send(HttpMethod.Post, $"/api/volunteer-orders/{orderId}/complete", new { note = "孩子已找到" }, HttpStatusCode.OK);
        Assert.Equal(("completed", 10), (done.Str("status"), done.GetProperty("points").GetInt32()));
        await winnerPhone.Client.Send(HttpMethod.Post, $"/api/volunteer-orders/{orderId}/complete", null, HttpStatusCode.OK); // resent
        var standing = Assert.Single((await Dispatcher.Get("/api/volunteer-teams")).EnumerateArray(), t => t.Str("team") == team);
        Assert.Equal((10, 1, 13), (standing.GetProperty("points").GetInt32(), standing.GetProperty("ordersCompleted").GetInt32(),
            standing.GetProperty("volunteers").GetInt32()));
        var me = await winnerPhone.Client.Get("/api/volunteer-orders/near-me");
        Assert.Equal((team, 10, 1), (me.Str("team"), me.GetProperty("points").GetInt32(), me.GetProperty("ordersCompleted").GetInt32()));
        var incidentAfter = await Dispatcher.Get($"/api/incidents/{incident}");
        Assert.Equal("done", incidentAfter.GetProperty("tasks")[0].Str("status"));
        Assert.Equal("completed", (await Dispatcher.Get($"/api/incidents/{incident}/volunteer-orders"))[0].Str("status"));
    }

    [Fact]
    public async Task A_volunteer_who_arrives_first_is_the_incidents_first_on_scene_and_done_on_the_task_card_completes_the_order()
    {
        var scene = Areas.Centre(1);
        var volunteer = await TeamVolunteer("arrive-v1", scene.Offset(200, 90), "平安志愿者9队");
        await InLivePicture(volunteer);
        var incident = (await Dispatcher.CreateIncident("missing-person", scene)).Id();
        var orderId = (await Publish(incident, 500)).Id();
        var claimed = await volunteer.Client.Send(HttpMethod.Post, $"/api/volunteer-orders/{orderId}/claim", null, HttpStatusCode.OK);
        var taskId = claimed.Str("taskId");

        await volunteer.Client.Send(HttpMethod.Post, $"/api/tasks/{taskId}/arrive", null, HttpStatusCode.OK);
        var onScene = await Dispatcher.Get($"/api/incidents/{incident}");
        Assert.Equal("on-scene", onScene.Str("status"));
        Assert.Equal(JsonValueKind.String, onScene.GetProperty("tasks")[0].GetProperty("arrivedAt").ValueKind);

        await volunteer.Client.Send(HttpMethod.Post, $"/api/tasks/{taskId}/complete", new { note = "done" }, HttpStatusCode.OK);
        await Eventually.Until(() => Dispatcher.Get($"/api/incidents/{incident}/volunteer-orders"),
            list => list[0].Str("status") == "completed" && list[0].GetProperty("points").GetInt32() == 10, "the order completed by its task");
        await Eventually.Until(() => Dispatcher.Get("/api/volunteer-teams"),
            teams => teams.EnumerateArray().Any(t => t.Str("team") == "平安志愿者9队" && t.GetProperty("points").GetInt32() == 10), "the team credited");
    }

    [Fact]
    public async Task A_dispatcher_cancels_a_claimed_order_the_task_is_withdrawn_and_the_phone_hears_it()
    {
        var scene = Areas.Centre(2);
        var volunteer = await TeamVolunteer("cancel-v1", scene.Offset(150, 0), "平安志愿者8队");
        await InLivePicture(volunteer);
        await using var phone = await VolunteerPhone.Connect(App, volunteer);
        var incident = (await Dispatcher.CreateIncident("missing-person", scene)).Id();
        var orderId = (await Publish(incident, 500)).Id();
        await volunteer.Client.Send(HttpMethod.Post, $"/api/volunteer-orders/{orderId}/claim", null, HttpStatusCode.OK);

        var cancelled = await Dispatcher.Send(HttpMethod.Post, $"/api/volunteer-orders/{orderId}/cancel", null, HttpStatusCode.OK);
        Assert.Equal("cancelled", cancelled.Str("status"));
        await Eventually.Until(() => phone.NextTaken(), o => o.Str("status") == "cancelled", "the phone told of the cancellation");
        Assert.Equal("cancelled", (await Dispatcher.Get($"/api/incidents/{incident}")).GetProperty("tasks")[0].Str("status"));
        await Eventually.Until(() => Dispatcher.Get($"/api/units/{volunteer.UnitId}"), u => u.GetProperty("unit").Str("status") == "available",
            "the volunteer available again");
        await (await Dispatcher.PostAsync($"/api/volunteer-orders/{orderId}/cancel", null)).Problem(HttpStatusCode.Conflict);
        await (await volunteer.Client.PostAsync($"/api/volunteer-orders/{orderId}/complete", null)).Problem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Bad_input_unknown_or_closed_incidents_other_devices_and_volunteers_out_of_range_are_refused_clearly()
    {
        var scene = Areas.Centre(3);
        var near = await TeamVolunteer("bad-near", scene.Offset(100, 0), "平安志愿者7队");
        var outside = await TeamVolunteer("bad-far", scene.Offset(2000, 0), "平安志愿者7队");
        var guard = await App.EnrolOnDuty(Commander, "bad-guard", "guard", scene.Offset(50, 0));
        var incident = (await Dispatcher.CreateIncident("missing-person", scene)).Id();
        var path = $"/api/incidents/{incident}/volunteer-orders";

        await (await Dispatcher.PostAsync("/api/incidents/I-none/volunteer-orders", ApiKit.Body(new { radiusMeters = 500 }))).Problem(HttpStatusCode.NotFound);
        foreach (var body in new object[] { new { radiusMeters = 50 }, new { radiusMeters = 20_000 }, new { note = "no radius" },
                     new { radiusMeters = 500, note = new string('x', 501) } })
            Assert.Contains(" ", (await (await Dispatcher.PostAsync(path, ApiKit.Body(body))).Problem(HttpStatusCode.BadRequest)).Str("detail"));
        await (await Dispatcher.PostAsync(path, new StringContent("{not json", null, "application/json"))).Problem(HttpStatusCode.BadRequest);
        await (await near.Client.PostAsync(path, ApiKit.Body(new { radiusMeters = 500 }))).Problem(HttpStatusCode.Forbidden);

        var orderId = (await Publish(incident, 500)).Id();
        Assert.Contains("volunteer", (await (await guard.Client.PostAsync($"/api/volunteer-orders/{orderId}/claim", null)).Problem(HttpStatusCode.Forbidden)).Str("detail"));
        Assert.Contains("500 m", (await (await outside.Client.PostAsync($"/api/volunteer-orders/{orderId}/claim", null)).Problem(HttpStatusCode.Conflict)).Str("detail"));
        await (await near.Client.PostAsync($"/api/volunteer-orders/{orderId}/complete", null)).Problem(HttpStatusCode.Forbidden);
        await (await near.Client.PostAsync("/api/volunteer-orders/O-none/claim", null)).Problem(HttpStatusCode.NotFound);
        await (await near.Client.PostAsync("/api/volunteer-orders/bad%20id/claim", null)).Problem(HttpStatusCode.BadRequest);

        // Closing the incident cancels its open order: no phone lists it any more, and a claim is refused.
        await Dispatcher.Send(HttpMethod.Post, $"/api/incidents/{incident}/close", new { resolution = "found" }, HttpStatusCode.OK);
        await (await Dispatcher.PostAsync(path, ApiKit.Body(new { radiusMeters = 500 }))).Problem(HttpStatusCode.Conflict);
        await Eventually.Until(() => Dispatcher.Get(path), list => list[0].Str("status") == "cancelled", "the open order cancelled with its incident");
        Assert.Empty((await near.Client.Get("/api/volunteer-orders/near-me")).GetProperty("orders").EnumerateArray());
        Assert.Contains("cancelled", (await (await near.Client.PostAsync($"/api/volunteer-orders/{orderId}/claim", null)).Problem(HttpStatusCode.Conflict)).Str("detail"));
    }
}
