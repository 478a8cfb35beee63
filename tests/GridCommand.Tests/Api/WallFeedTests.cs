using System.Net;
using System.Text.Json;
using GridCommand.Rules.Geo;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace GridCommand.Tests.Api;

/// <summary>The wall's feed follows what a wall shows: units only inside the box it watches, every cell's load for all.</summary>
public sealed class WallFeedTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private GridCommandApp App => shared.App;

    [Fact]
    public async Task A_wall_screen_is_shown_an_incident_without_its_tasks_and_timeline_and_a_dispatchers_console_with_them()
    {
        await using var screen = await WallClient.Connect(App, await App.StaffClient("wall"));
        await using var console = await WallClient.Connect(App, shared.Dispatcher);

        var id = (await shared.Dispatcher.CreateIncident("theft", Areas.Centre(14))).Id();

        var onScreen = await screen.Incident(i => i.Id() == id, "the new incident on the wall");
        var onConsole = await console.Incident(i => i.Id() == id, "the new incident on the console");
        Assert.Equal((onConsole.Str("type"), onConsole.Str("status")), (onScreen.Str("type"), onScreen.Str("status")));
        Assert.NotEmpty(onConsole.GetProperty("timeline").EnumerateArray());
        Assert.Empty(onScreen.GetProperty("timeline").EnumerateArray());
        Assert.Empty(onScreen.GetProperty("tasks").EnumerateArray());
        await using var later = await WallClient.Connect(App, await App.StaffClient("wall"));
        Assert.All((await later.Snapshot()).GetProperty("incidents").EnumerateArray(), i => Assert.Empty(i.GetProperty("timeline").EnumerateArray()));
    }

    [Fact]
    public async Task A_wall_gets_the_units_inside_its_box_and_the_last_fix_of_one_leaving_it_but_none_outside()
    {
        var scene = Areas.Centre(0);
        var box = new GeoBounds(scene.Lat - 0.01, scene.Lon - 0.01, scene.Lat + 0.01, scene.Lon + 0.01);
        var inside = await App.EnrolOnDuty(shared.Commander, "box-in", "patrol-car", scene);
        var leaving = await App.EnrolOnDuty(shared.Commander, "box-leaving", "guard", scene.Offset(300, 90));
        var outside = await App.EnrolOnDuty(shared.Commander, "box-out", "guard", scene.Offset(3000, 0));
        await InLivePicture(inside, scene);
        await InLivePicture(leaving, scene.Offset(300, 90));
        await InLivePicture(outside, scene.Offset(3000, 0));
        await using var wall = await WallClient.Connect(App, await App.StaffClient("wall"));

        var now = await wall.Watch(box);
        Assert.Equal(["box-in", "box-leaving"], now.Select(u => u.Str("unitId")).Order());

        // The unit outside moves (still outside), then the one inside: only the one inside reaches the wall.
        await Move(outside, scene.Offset(3100, 0));
        await Move(inside, scene.Offset(100, 0));
        var seen = new List<string>();
        await wall.Unit(u => u.Str("unitId") == "box-in", "box-in's new fix", u => seen.Add(u.Str("unitId")));
        Assert.DoesNotContain("box-out", seen);

        // One leaving the box is sent once more, where it went (the screen drops it); after that, no more.
        var away = scene.Offset(2500, 90);
        await Move(leaving, away);
        var left = await wall.Unit(u => u.Str("unitId") == "box-leaving", "box-leaving's fix outside the box");
        Assert.False(box.Contains(new GeoPoint(left.GetProperty("lat").GetDouble(), left.GetProperty("lon").GetDouble())));
        await Move(leaving, away.Offset(100, 90));
        await Move(inside, scene.Offset(200, 0));
        seen.Clear();
        await wall.Unit(u => u.Str("unitId") == "box-in" && u.GetProperty("lat").GetDouble() > scene.Offset(150, 0).Lat,
            "box-in's second fix", u => seen.Add(u.Str("unitId")));
        Assert.DoesNotContain("box-leaving", seen);
        Assert.DoesNotContain("box-out", seen);

        // Unwatched, the wall gets no units at all.
        await wall.Hub.InvokeAsync("Unwatch");
        wall.UnitsSoFar(); // what was sent before the wall stopped watching
        await Move(inside, scene.Offset(300, 0));
        await InLivePicture(inside, scene.Offset(300, 0));
        var incident = (await shared.Dispatcher.CreateIncident("theft", Areas.Centre(1))).Id();
        await wall.Incident(i => i.Id() == incident, "an incident after the move"); // anything sent before it has arrived
        Assert.Empty(wall.UnitsSoFar());
    }

    [Fact]
    public async Task A_wall_that_watches_nothing_gets_no_units_but_each_cells_load_as_it_changes()
    {
        var scene = Areas.Centre(2);
        await using var wall = await WallClient.Connect(App, await App.StaffClient("wall"));
        await wall.Snapshot();

        var unit = await App.EnrolOnDuty(shared.Commander, "cell-car", "patrol-car", scene);
        var cellId = (await shared.Dispatcher.Get($"/api/units/{unit.UnitId}")).GetProperty("unit").Str("cellId");
        var id = (await shared.Dispatcher.CreateIncident("fight", scene, priority: 1)).Id();
        await shared.Dispatcher.RecommendationsOnce(id, 1);
        await shared.Dispatcher.Send(HttpMethod.Post, $"/api/incidents/{id}/dispatch", new { unitId = unit.UnitId }, HttpStatusCode.OK);

        var load = await Eventually.Until(() => Task.FromResult(LatestLoad(wall, cellId)),
            l => l is { } c && c.GetProperty("busy").GetInt32() == 1 && c.GetProperty("openIncidents").GetInt32() == 1,
            $"cell {cellId} with the busy unit and the incident");
        Assert.Equal(1, load!.Value.GetProperty("units").GetInt32());
        Assert.Equal(1, load.Value.GetProperty("onDuty").GetProperty("patrol-car").GetInt32());
        Assert.Equal(JsonValueKind.Null, load.Value.GetProperty("coverage").ValueKind); // not computed yet
        Assert.Empty(wall.UnitsSoFar());

        // A wall connecting now finds the cell's load in its snapshot.
        await using var later = await WallClient.Connect(App, await App.StaffClient("wall"));
        var snapshot = await later.Snapshot();
        Assert.Contains(snapshot.GetProperty("cells").EnumerateArray(), c => c.Str("cellId") == cellId && c.GetProperty("busy").GetInt32() == 1);
    }

    [Fact]
    public async Task A_web_node_starting_on_a_stored_city_has_every_cells_load_for_its_walls()
    {
        var database = Path.Combine(Path.GetTempPath(), $"gridcommand-test-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={database}", ["Grains:CellSaveInterval"] = "00:00:00.200",
        };
        try
        {
            string cellId;
            await using (var first = new GridCommandApp(settings))
            {
                var commander = await first.StaffClient("commander");
                var unit = await first.EnrolOnDuty(commander, "stored-car", "patrol-car", Areas.Centre(5));
                cellId = (await commander.Get($"/api/units/{unit.UnitId}")).GetProperty("unit").Str("cellId");
                await Task.Delay(TimeSpan.FromSeconds(1)); // the cell saves its roster
            }

            // Its grains stay asleep (nothing calls them): the loads come from the stored cells, once the node has read them.
            await using var second = new GridCommandApp(settings);
            var wallClient = await second.StaffClient("wall");
            var cells = await Eventually.Until(async () =>
            {
                await using var wall = await WallClient.Connect(second, wallClient);
                return (await wall.Snapshot()).GetProperty("cells").EnumerateArray().ToList();
            }, c => c.Any(l => l.Str("cellId") == cellId), $"cell {cellId} in a snapshot");

            Assert.Equal(1, cells.Single(c => c.Str("cellId") == cellId).GetProperty("onDuty").GetProperty("patrol-car").GetInt32());
        }
        finally
        {
            foreach (var file in new[] { database, database + "-wal", database + "-shm" }) File.Delete(file);
        }
    }

    [Fact]
    public async Task Cells_reach_a_wall_at_most_once_a_second_however_often_they_change()
    {
        var scene = Areas.Centre(3);
        var unit = await App.EnrolOnDuty(shared.Commander, "border-walker", "foot-patrol", scene);
        await using var wall = await WallClient.Connect(App, await App.StaffClient("wall"));

        // Back and forth across cell borders five times a second for four seconds: each step changes two cells.
        var window = System.Diagnostics.Stopwatch.StartNew();
        var from = DateTimeOffset.UtcNow;
        for (var step = 0; window.Elapsed < TimeSpan.FromSeconds(4); step++)
        {
            await Move(unit, scene.Offset(step % 2 == 0 ? 700 : 0, 0));
            await Task.Delay(200);
        }
        var to = DateTimeOffset.UtcNow;
        await Task.Delay(1500);

        var arrivals = wall.CellsMessages.Select(m => m.At).Where(at => at >= from && at <= to).ToList();
        Assert.InRange(arrivals.Count, 2, (int)Math.Ceiling((to - from).TotalSeconds) + 1);
    }

    [Theory]
    [InlineData(32.5, 119.3, 32.4, 119.4, "south must not be above north")]
    [InlineData(32.3, 119.5, 32.4, 119.4, "west east of east")]
    [InlineData(-91, 119.3, 32.4, 119.4, "latitudes from -90 to 90")]
    [InlineData(32.3, 119.3, 32.4, 181, "longitudes from -180 to 180")]
    public async Task A_box_that_is_not_one_is_refused_with_a_reason(double south, double west, double north, double east, string reason)
    {
        await using var wall = await WallClient.Connect(App, await App.StaffClient("wall"));

        var refused = await Assert.ThrowsAsync<HubException>(() => wall.Watch(new GeoBounds(south, west, north, east)));

        Assert.Contains(reason, refused.Message);
        Assert.Equal(HubConnectionState.Connected, wall.Hub.State);
    }

    private static Task Move(FieldUnit unit, GeoPoint to) =>
        unit.Client.Send(HttpMethod.Post, $"/api/units/{unit.UnitId}/position", new { lat = to.Lat, lon = to.Lon }, HttpStatusCode.Accepted);

    private Task InLivePicture(FieldUnit unit, GeoPoint at) =>
        Eventually.Until(() => shared.Dispatcher.Get("/api/units?limit=1000"),
            l => l.EnumerateArray().Any(u => u.Str("unitId") == unit.UnitId && u.GetProperty("lat") is { ValueKind: JsonValueKind.Number } lat
                && Math.Abs(lat.GetDouble() - at.Lat) < 1e-9),
            $"{unit.UnitId} at {at} in the live picture");

    private static JsonElement? LatestLoad(WallClient wall, string cellId) =>
        wall.CellsMessages.SelectMany(m => m.Cells.EnumerateArray()).LastOrDefault(c => c.Str("cellId") == cellId) is { ValueKind: JsonValueKind.Object } c
            ? c : null;
}
