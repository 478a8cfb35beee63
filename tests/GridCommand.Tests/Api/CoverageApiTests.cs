using System.Net;
using System.Text.Json;
using GridCommand.Rules.Geo;

namespace GridCommand.Tests.Api;

/// <summary>An app with one configured rapid-response point, held by a car the tests enrol and by a unit never enrolled.</summary>
public sealed class CoverageApp() : SharedApp(ApiKit.SharedSettings(
    ("Coverage:RapidResponsePoints:0:Id", "R-test"), ("Coverage:RapidResponsePoints:0:Name", "测试快速反应点"),
    ("Coverage:RapidResponsePoints:0:Lat", "32.405"), ("Coverage:RapidResponsePoints:0:Lon", "119.445"),
    ("Coverage:RapidResponsePoints:0:Units:0", CoverageApiTests.Holder), ("Coverage:RapidResponsePoints:0:Units:1", "P-ghost")));

/// <summary>GET /api/coverage and /api/rapid-response-points: shape, roles, and coverage following units on and off duty.</summary>
public sealed class CoverageApiTests(CoverageApp fx) : IClassFixture<CoverageApp>
{
    public const string Holder = "P-rrp-1";

    [Fact]
    public async Task Coverage_lists_every_cell_and_a_car_going_on_duty_covers_its_cell_until_it_goes_off_duty()
    {
        var wall = await fx.App.StaffClient("wall");
        var before = await wall.Get("/api/coverage");
        var cellCount = before.GetProperty("cellCount").GetInt32();
        Assert.Equal(fx.App.Service<CityGrid>().Cells.Count, cellCount);
        Assert.Equal(cellCount, before.GetProperty("cells").GetArrayLength());
        var first = before.GetProperty("cells")[0];
        Assert.Equal(["cellId", "etaSeconds", "unitId"], first.EnumerateObject().Select(p => p.Name));

        var cell = fx.App.Service<CityGrid>().CellAt(Areas.Centre(1))!;
        var car = await fx.App.EnrolOnDuty(fx.Commander, "P-cov-api", "patrol-car", cell.Centre);

        // A car reaches some 70 cells within five minutes, several within one. Their loads reach the web node in the
        // batches of a second or two, not all with the car's own cell: wait for the lot.
        var covered = await Eventually.Until(() => wall.Get("/api/coverage"),
            c => CellOf(c, cell.Id).GetProperty("etaSeconds").ValueKind == JsonValueKind.Number
                 && Share(c, "withinFiveMinutes") >= Share(before, "withinFiveMinutes") + 50.0 / cellCount, $"{cell.Id} and its neighbours covered");
        var mine = CellOf(covered, cell.Id);
        Assert.Equal((0, "P-cov-api"), (mine.GetProperty("etaSeconds").GetInt32(), mine.Str("unitId")));
        Assert.True(Share(covered, "withinOneMinute") > Share(before, "withinOneMinute"));
        Assert.InRange(Share(covered, "withinOneMinute"), 0, Share(covered, "withinThreeMinutes"));

        await car.Client.Send(HttpMethod.Put, "/api/units/P-cov-api/duty", new { onDuty = false }, HttpStatusCode.OK);
        var after = await Eventually.Until(() => wall.Get("/api/coverage"),
            c => CellOf(c, cell.Id).GetProperty("etaSeconds").ValueKind == JsonValueKind.Null, $"{cell.Id} uncovered");
        Assert.Equal(JsonValueKind.Null, CellOf(after, cell.Id).GetProperty("unitId").ValueKind);
    }

    [Fact]
    public async Task A_rapid_response_point_shows_its_holders_live_status_and_position()
    {
        var at = new GeoPoint(32.405, 119.445).Offset(30, 45);
        await fx.App.EnrolOnDuty(fx.Commander, Holder, "patrol-car", at);

        var point = await Eventually.Until(() => fx.Dispatcher.Get("/api/rapid-response-points"),
            p => p[0].GetProperty("holders")[0].GetProperty("status").GetString() == "available", "the holder on duty");
        Assert.Equal(1, point.GetArrayLength());
        var r = point[0];
        Assert.Equal(("R-test", "测试快速反应点", 32.405, 119.445), (r.Str("id"), r.Str("name"), r.GetProperty("lat").GetDouble(), r.GetProperty("lon").GetDouble()));
        var holder = r.GetProperty("holders")[0];
        Assert.Equal((Holder, "patrol-car", $"Test {Holder}", false), (holder.Str("unitId"), holder.Str("kind"), holder.Str("name"), holder.GetProperty("stale").GetBoolean()));
        Assert.Equal(at.Lat, holder.GetProperty("lat").GetDouble(), 6);
        var ghost = r.GetProperty("holders")[1];
        Assert.Equal(("P-ghost", JsonValueKind.Null), (ghost.Str("unitId"), ghost.GetProperty("status").ValueKind));
    }

    [Theory]
    [InlineData("/api/coverage")]
    [InlineData("/api/rapid-response-points")]
    public async Task The_wall_and_the_staff_read_them_a_phone_and_strangers_do_not(string path)
    {
        foreach (var role in new[] { "wall", "station", "dispatcher", "commander" })
            Assert.Equal(HttpStatusCode.OK, (await (await fx.App.StaffClient(role)).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fx.App.CreateClient().GetAsync(path)).StatusCode);
        var key = (await fx.Commander.Send(HttpMethod.Put, "/api/units/G-cov-phone", new { kind = "guard", name = "phone" }, HttpStatusCode.OK)).Str("deviceKey");
        var (phone, _) = await fx.App.DeviceClient("G-cov-phone", key);
        Assert.Equal(HttpStatusCode.Forbidden, (await phone.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_both_routes()
    {
        var paths = (await fx.App.CreateClient().Get("/openapi/v1.json")).GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/coverage", out var coverage));
        Assert.Contains("etaSeconds", coverage.GetRawText());
        Assert.True(paths.TryGetProperty("/api/rapid-response-points", out _));
    }

    [Fact]
    public async Task A_rapid_response_point_configured_off_the_earth_stops_the_node_at_start_naming_it()
    {
        await using var app = new GridCommandApp(new Dictionary<string, string?>
        {
            ["Coverage:RapidResponsePoints:0:Id"] = "R-bad", ["Coverage:RapidResponsePoints:0:Lat"] = "95", ["Coverage:RapidResponsePoints:0:Lon"] = "119",
        });
        var e = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("R-bad", e.ToString());
    }

    private static JsonElement CellOf(JsonElement coverage, string cellId) =>
        coverage.GetProperty("cells").EnumerateArray().Single(c => c.Str("cellId") == cellId);

    private static double Share(JsonElement coverage, string name) => coverage.GetProperty(name).GetDouble();
}
