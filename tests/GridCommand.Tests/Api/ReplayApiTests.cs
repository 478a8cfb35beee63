using System.Net;
using System.Text.Json;
using GridCommand.Rules.Geo;

namespace GridCommand.Tests.Api;

/// <summary>The replay API: an incident's events and its units' tracks, an area's tracks and incidents, bad input and roles.</summary>
public sealed class ReplayApiTests(QuickTracksApp shared) : IClassFixture<QuickTracksApp>
{
    private GridCommandApp App => shared.App;
    private HttpClient Dispatcher => shared.Dispatcher;

    [Fact]
    public async Task An_incident_replay_has_the_incident_its_events_in_order_and_the_track_of_its_unit_from_dispatch_to_done()
    {
        var scene = Areas.Centre(5);
        var (id, car) = await ReplayScenario.IncidentDrivenTo(App, shared.Commander, Dispatcher, "replay-car", scene);

        var replay = await ReplayScenario.SavedReplay(Dispatcher, id);

        Assert.Equal(id, replay.GetProperty("incident").Id());
        Assert.Equal("closed", replay.GetProperty("incident").Str("status"));
        var events = replay.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["incident.opened", "incident.dispatched", "task.accept", "task.arrive", "task.complete", "incident.closed"],
            events.Select(e => e.Str("what")));
        Assert.Equal("dispatcher", events[0].Str("who"));
        Assert.Equal(events.Select(e => e.GetProperty("seq").GetInt64()).Order(), events.Select(e => e.GetProperty("seq").GetInt64()));
        Assert.All(events, e => Assert.True(e.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5)));

        var window = replay.GetProperty("window");
        var opened = replay.GetProperty("incident").GetProperty("createdAt").GetDateTimeOffset();
        Assert.Equal(opened.AddMinutes(-5), window.GetProperty("from").GetDateTimeOffset());
        var closedAt = replay.GetProperty("incident").GetProperty("closedAt").GetDateTimeOffset();
        Assert.InRange(window.GetProperty("to").GetDateTimeOffset(), closedAt, closedAt.AddMinutes(1)); // the crews leaving the scene

        var unit = Assert.Single(replay.GetProperty("units").EnumerateArray());
        Assert.Equal((car.UnitId, "Test replay-car", "patrol-car"), (unit.Str("unitId"), unit.Str("name"), unit.Str("kind")));
        Assert.Equal(["off-duty", "available", "assigned", "en-route", "on-scene", "available"],
            ReplayScenario.Statuses(unit).Where((s, i) => i == 0 || s != ReplayScenario.Statuses(unit).ElementAt(i - 1)));
        var points = unit.GetProperty("points").EnumerateArray().ToList();
        var times = points.Select(p => p.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.Order(), times);
        var last = points.Last(p => p.Str("status") == "on-scene");
        Assert.InRange(new GeoPoint(last.GetProperty("lat").GetDouble(), last.GetProperty("lon").GetDouble()).DistanceTo(scene), 0, 20);
        var first = points[0];
        Assert.InRange(new GeoPoint(first.GetProperty("lat").GetDouble(), first.GetProperty("lon").GetDouble()).DistanceTo(scene), 780, 820);
    }

    [Fact]
    public async Task An_area_replay_has_the_tracks_of_the_units_inside_the_box_and_the_incidents_opened_there()
    {
        var scene = Areas.Centre(6);
        var (id, car) = await ReplayScenario.IncidentDrivenTo(App, shared.Commander, Dispatcher, "area-car", scene);
        var elsewhere = await App.EnrolOnDuty(shared.Commander, "area-far", "guard", Areas.Centre(9));
        var (from, to) = (DateTimeOffset.UtcNow.AddMinutes(-10).ToString("O"), DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"));
        var box = $"south={scene.Lat - 0.012}&west={scene.Lon - 0.012}&north={scene.Lat + 0.012}&east={scene.Lon + 0.012}";

        var replay = await Eventually.Until(() => Dispatcher.Get($"/api/replay?{box}&from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}"),
            r => r.GetProperty("units").EnumerateArray().Any(u => u.Str("unitId") == car.UnitId && ReplayScenario.Statuses(u).Contains("on-scene")),
            "the car's track in the area");

        var units = replay.GetProperty("units").EnumerateArray().ToList();
        Assert.DoesNotContain(units, u => u.Str("unitId") == elsewhere.UnitId);
        var track = units.Single(u => u.Str("unitId") == car.UnitId);
        Assert.Equal(("Test area-car", "patrol-car"), (track.Str("name"), track.Str("kind")));
        Assert.Contains(replay.GetProperty("incidents").EnumerateArray(), i => i.Id() == id);
        Assert.Equal(scene.Lat - 0.012, replay.GetProperty("box").GetProperty("south").GetDouble(), 9);
    }

    [Theory]
    [InlineData("west=119.4&north=32.45&east=119.45&from=2026-12-01T10:00:00Z&to=2026-12-01T10:15:00Z", "south")]
    [InlineData("south=north&west=119.4&north=32.45&east=119.45&from=2026-12-01T10:00:00Z&to=2026-12-01T10:15:00Z", "south")]
    [InlineData("south=32.4&south=32.41&west=119.4&north=32.45&east=119.45&from=2026-12-01T10:00:00Z&to=2026-12-01T10:15:00Z", "south")]
    [InlineData("south=32.4&west=119.4&north=32.45&east=119.45&from=yesterday&to=2026-12-01T10:15:00Z", "from")]
    [InlineData("south=32.4&west=119.4&north=32.45&east=119.45&from=2026-12-01T10:00:00Z", "to")]
    [InlineData("south=32.5&west=119.4&north=32.45&east=119.45&from=2026-12-01T10:00:00Z&to=2026-12-01T10:15:00Z", "south")]
    [InlineData("south=32.3&west=119.4&north=32.45&east=119.45&from=2026-12-01T10:00:00Z&to=2026-12-01T10:15:00Z", "0.1")]
    [InlineData("south=32.4&west=119.4&north=32.45&east=119.45&from=2026-12-01T10:00:00Z&to=2026-12-01T11:00:00Z", "30 minutes")]
    [InlineData("south=32.4&west=119.4&north=32.45&east=119.45&from=2026-12-01T10:15:00Z&to=2026-12-01T10:00:00Z", "after")]
    [InlineData("south=NaN&west=119.4&north=32.45&east=119.45&from=2026-12-01T10:00:00Z&to=2026-12-01T10:15:00Z", "south")]
    public async Task A_malformed_or_too_big_area_replay_is_a_400_saying_what_is_wrong(string query, string named)
    {
        var problem = await (await Dispatcher.GetAsync($"/api/replay?{query}")).Problem(HttpStatusCode.BadRequest);
        Assert.Contains(named, problem.Str("detail"));
    }

    [Fact]
    public async Task An_unknown_incident_is_a_404_and_a_bad_id_a_400()
    {
        await (await Dispatcher.GetAsync("/api/incidents/I000000-000000-NONE/replay")).Problem(HttpStatusCode.NotFound);
        await (await Dispatcher.GetAsync("/api/incidents/bad%20id/replay")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Replays_are_for_commanders_dispatchers_and_stations_not_the_wall_devices_or_anyone()
    {
        var id = (await Dispatcher.CreateIncident("noise", Areas.Centre(7), divert: false)).Id();
        var area = "/api/replay?south=32.4&west=119.4&north=32.45&east=119.45&from=2026-12-01T10:00:00Z&to=2026-12-01T10:15:00Z";
        var guard = await App.EnrolOnDuty(shared.Commander, "replay-role-guard", "guard", Areas.Centre(7));
        foreach (var role in new[] { "commander", "dispatcher", "station" })
        {
            var staff = await App.StaffClient(role);
            await (await staff.GetAsync($"/api/incidents/{id}/replay")).Json(HttpStatusCode.OK);
            await (await staff.GetAsync(area)).Json(HttpStatusCode.OK);
        }
        var wall = await App.StaffClient("wall");
        foreach (var path in new[] { $"/api/incidents/{id}/replay", area })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await wall.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await guard.Client.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task The_replay_routes_are_in_the_OpenAPI_document()
    {
        var doc = await App.CreateClient().Get("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/incidents/{id}/replay", out _));
        Assert.True(paths.TryGetProperty("/api/replay", out _));
    }
}
