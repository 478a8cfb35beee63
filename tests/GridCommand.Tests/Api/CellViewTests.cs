using System.Net;
using System.Text.Json;
using GridCommand.Contracts.Stations;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Stations;

namespace GridCommand.Tests.Api;

/// <summary>The cell view (全息图): one call shows a cell's station, grid worker, units inside and open and recent incidents.</summary>
public sealed class CellViewTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private GridCommandApp App => shared.App;
    private HttpClient Commander => shared.Commander;
    private HttpClient Dispatcher => shared.Dispatcher;

    private string CellAt(GeoPoint p) => App.Service<CityGrid>().CellAt(p)!.Id;

    [Fact]
    public async Task A_dispatcher_sees_the_cells_station_grid_worker_units_and_incidents_open_and_just_closed()
    {
        var scene = Areas.Centre(5);
        var cellId = CellAt(scene);
        await App.Service<IGrainFactory>().GetGrain<IStationGrain>("S-cv")
            .Register(new StationRegistration("文昌阁警务工作站", StationKind.Workstation, scene.Lat, scene.Lon, [cellId]));
        await Commander.Send(HttpMethod.Put, $"/api/cells/{cellId}/grid-worker", new { name = "王建国", phone = "139 1234 5678" }, HttpStatusCode.OK);
        var guard = await App.EnrolOnDuty(Commander, "cv-guard", "guard", scene.Offset(20, 0));
        var open = (await Dispatcher.CreateIncident("fight", scene.Offset(30, 90), priority: 1)).Id();
        var diverted = (await Dispatcher.CreateIncident("noise", scene.Offset(60, 270), divert: true)).Id();

        var view = await Eventually.Until(() => Dispatcher.Get($"/api/cells/{cellId}/view"),
            v => v.GetProperty("units").EnumerateArray().Any(u => u.Str("unitId") == guard.UnitId)
                 && v.GetProperty("stationName").ValueKind == JsonValueKind.String
                 && Incidents(v).Any(i => i.Str("incidentId") == diverted && i.GetProperty("status").ValueKind == JsonValueKind.String),
            "the cell view with its unit, station and the diverted incident");

        Assert.Equal(("S-cv", "文昌阁警务工作站"), (view.Str("stationId"), view.Str("stationName")));
        Assert.Equal(("王建国", "139 1234 5678"), (view.GetProperty("gridWorker").Str("name"), view.GetProperty("gridWorker").Str("phone")));
        var incidents = Incidents(view).ToList();
        var first = incidents.First(i => i.Str("incidentId") == open);
        Assert.Equal(("fight", JsonValueKind.Null), (first.Str("type"), first.GetProperty("closedAt").ValueKind));
        var last = incidents.Single(i => i.Str("incidentId") == diverted);
        Assert.Equal("diverted", last.Str("status"));
        Assert.True(incidents.IndexOf(first) < incidents.IndexOf(last), "open incidents come before closed ones");
        Assert.Contains(open, view.GetProperty("openIncidents").EnumerateArray().Select(i => i.GetString()));
    }

    [Fact]
    public async Task The_cell_view_shows_who_covers_the_cell_and_the_lockdown_points_in_it()
    {
        var scene = Areas.Centre(9);
        var cellId = CellAt(scene);
        Assert.Equal(JsonValueKind.Null, (await Dispatcher.Get($"/api/cells/{cellId}/view")).GetProperty("coverage").ValueKind);
        var plan = (await Dispatcher.Send(HttpMethod.Post, "/api/lockdown-plans", new
        {
            name = "网格测试预案",
            points = new[] { new { name = "文昌路口", kind = "blocking-point", ring = "core", lat = scene.Lat, lon = scene.Lon } },
        }, HttpStatusCode.Created)).Id();

        var car = await App.EnrolOnDuty(Commander, "cv-car", "patrol-car", scene.Offset(100, 0));

        var view = await Eventually.Until(() => Dispatcher.Get($"/api/cells/{cellId}/view"),
            v => v.GetProperty("coverage").ValueKind == JsonValueKind.Object, "the cell covered by the car");
        var coverage = view.GetProperty("coverage");
        Assert.Equal(car.UnitId, coverage.Str("unitId"));
        Assert.True(coverage.GetProperty("withinOneMinute").GetBoolean(), $"a car 100 m from the centre: {coverage}");
        var point = Assert.Single(view.GetProperty("lockdownPoints").EnumerateArray());
        Assert.Equal((plan, "文昌路口", "core"), (point.Str("planId"), point.GetProperty("point").Str("name"), point.GetProperty("point").Str("ring")));
        Assert.Empty(view.GetProperty("rapidResponsePoints").EnumerateArray()); // none configured in this app
        Assert.Empty((await Dispatcher.Get($"/api/cells/{CellAt(Areas.Centre(10))}/view")).GetProperty("lockdownPoints").EnumerateArray());
    }

    [Fact]
    public async Task A_wall_screen_sees_the_grid_worker_but_not_the_phone_and_a_phone_sees_nothing()
    {
        var cellId = CellAt(Areas.Centre(6));
        await Commander.Send(HttpMethod.Put, $"/api/cells/{cellId}/grid-worker", new { name = "李秀英", phone = "13900001111" }, HttpStatusCode.OK);
        using var wall = await App.StaffClient("wall");

        var seen = (await wall.Get($"/api/cells/{cellId}/view")).GetProperty("gridWorker");

        Assert.Equal(("李秀英", JsonValueKind.Null), (seen.Str("name"), seen.GetProperty("phone").ValueKind));
        var unit = await App.EnrolOnDuty(Commander, "cv-phone", "guard", Areas.Centre(6));
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.Client.GetAsync($"/api/cells/{cellId}/view")).StatusCode);
    }

    [Fact]
    public async Task A_grid_worker_is_replaced_and_cleared_and_bad_input_is_refused_with_a_reason()
    {
        var cellId = CellAt(Areas.Centre(7));
        var path = $"/api/cells/{cellId}/grid-worker";
        await Commander.Send(HttpMethod.Put, path, new { name = "张伟" }, HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, (await Dispatcher.Get($"/api/cells/{cellId}/view")).GetProperty("gridWorker").GetProperty("phone").ValueKind);

        foreach (var (body, reason) in new (object, string)[]
                 {
                     (new { name = "张伟", phone = "call me" }, "phone"), (new { name = "   " }, "name"),
                     (new { name = new string('名', 201) }, "name"), (new { phone = "13900001111" }, "name"),
                 })
        {
            var problem = await (await Commander.PutAsync(path, ApiKit.Body(body))).Problem(HttpStatusCode.BadRequest);
            Assert.Contains(reason, problem.Str("detail"));
        }
        Assert.Equal("张伟", (await Dispatcher.Get($"/api/cells/{cellId}/view")).GetProperty("gridWorker").Str("name")); // nothing lost

        var cleared = await Commander.Send(HttpMethod.Put, path, new { name = (string?)null }, HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("gridWorker").ValueKind);
        await (await Commander.PutAsync("/api/cells/X99-99/grid-worker", ApiKit.Body(new { name = "张伟" }))).Problem(HttpStatusCode.NotFound);
        await (await Dispatcher.GetAsync("/api/cells/X99-99/view")).Problem(HttpStatusCode.NotFound);
    }

    private static IEnumerable<JsonElement> Incidents(JsonElement view) => view.GetProperty("incidents").EnumerateArray();
}
