using System.Net;
using System.Text;
using System.Text.Json;
using GridCommand.Contracts.Stations;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Stations;
using MiniExcelLibs;

namespace GridCommand.Tests.Api;

/// <summary>
/// A station covering one cell, where a guard resolves a theft that was called in twice, a patrol car reaches a fight
/// that a dispatcher then closes, a noise complaint is diverted, a fourth incident is still open and the guard checks in twice.
/// </summary>
public class PerformanceApp : SharedApp
{
    public const string StationId = "S-perf";
    public const string StationName = "文昌路警务工作站";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var cellId = App.Service<CityGrid>().CellAt(Areas.Centre(9))!.Id;
        var scene = App.Service<CityGrid>().Find(cellId)!.Centre; // every incident well inside the station's one cell
        await App.Service<IGrainFactory>().GetGrain<IStationGrain>(StationId)
            .Register(new StationRegistration(StationName, StationKind.Workstation, scene.Lat, scene.Lon, [cellId]));
        await Eventually.Until(() => Commander.Get($"/api/cells/{cellId}"), c => c.GetProperty("stationId").ValueKind == JsonValueKind.String,
            "the cell knows its station");
        var guard = await OnDuty("PF-G1", "guard", scene);
        var car = await OnDuty("PF-P1", "patrol-car", scene.Offset(300, 0));

        var theft = (await Dispatcher.CreateIncident("theft", scene)).Id();
        await Dispatcher.CreateIncident("theft", scene.Offset(20, 90)); // the same theft called in again: a repeat call
        await Solve(theft, guard, close: false);
        var fight = (await Dispatcher.CreateIncident("fight", scene.Offset(60, 180), priority: 1)).Id();
        await Solve(fight, car, close: true);
        await Dispatcher.CreateIncident("noise", scene.Offset(60, 270), priority: 3);      // diverted by default
        await Dispatcher.CreateIncident("suspicious-person", scene.Offset(60, 0), priority: 3); // still open
        foreach (var note in new[] { "巡逻", "走访" })
            await guard.Client.Send(HttpMethod.Post, "/api/checkins", new { category = "patrol-stop", note, lat = scene.Lat, lon = scene.Lon }, HttpStatusCode.Created);
    }

    private async Task<FieldUnit> OnDuty(string unitId, string kind, GeoPoint at)
    {
        var enrolled = await Commander.Send(HttpMethod.Put, $"/api/units/{unitId}", new { kind, name = $"考评 {unitId}", stationId = StationId }, HttpStatusCode.OK);
        var key = enrolled.Str("deviceKey");
        var (client, token) = await App.DeviceClient(unitId, key);
        await client.Send(HttpMethod.Post, $"/api/units/{unitId}/position", new { lat = at.Lat, lon = at.Lon }, HttpStatusCode.Accepted);
        await client.Send(HttpMethod.Put, $"/api/units/{unitId}/duty", new { onDuty = true }, HttpStatusCode.OK);
        return new FieldUnit(unitId, key, client, token);
    }

    private async Task Solve(string incidentId, FieldUnit unit, bool close)
    {
        await Dispatcher.RecommendationsOnce(incidentId, 1, $"&kind={(unit.UnitId == "PF-G1" ? "guard" : "patrol-car")}");
        var task = (await Dispatcher.Send(HttpMethod.Post, $"/api/incidents/{incidentId}/dispatch", new { unitId = unit.UnitId }, HttpStatusCode.OK)).Str("taskId");
        await unit.Client.Send(HttpMethod.Post, $"/api/tasks/{task}/accept", new { }, HttpStatusCode.OK);
        await unit.Client.Send(HttpMethod.Post, $"/api/tasks/{task}/arrive", new { }, HttpStatusCode.OK);
        if (close) await Dispatcher.Send(HttpMethod.Post, $"/api/incidents/{incidentId}/close", new { resolution = "劝离" }, HttpStatusCode.OK);
        else await unit.Client.Send(HttpMethod.Post, $"/api/tasks/{task}/complete", new { note = "找回" }, HttpStatusCode.OK);
    }
}

/// <summary>The station's performance from the event log as JSON, CSV and XLSX, the city's ranking, who may read them and bad input.</summary>
public sealed class StationPerformanceApiTests(PerformanceApp fx) : IClassFixture<PerformanceApp>
{
    private const string Route = $"/api/stations/{PerformanceApp.StationId}/performance";

    private static void AssertTheFigures(JsonElement f)
    {
        Assert.Equal(4, f.GetProperty("received").GetInt32());
        Assert.Equal(3, f.GetProperty("handled").GetInt32());           // resolved, closed, diverted
        Assert.Equal(0.6667, f.GetProperty("closureRate").GetDouble());  // 2 of the 3 police incidents
        Assert.Equal(0.25, f.GetProperty("diversionRate").GetDouble());
        Assert.Equal(0.25, f.GetProperty("repeatCallRate").GetDouble()); // 1 repeat of 4 calls about the handled ones
        Assert.Equal(0.5, f.GetProperty("neighboursFirstRate").GetDouble()); // the guard first at the theft, the car at the fight
        Assert.True(f.GetProperty("responseP50Seconds").GetDouble() >= 0);
        Assert.True(f.GetProperty("responseP90Seconds").GetDouble() >= f.GetProperty("responseP50Seconds").GetDouble());
        Assert.Equal(2, f.GetProperty("checkins").GetInt32());
    }

    [Fact]
    public async Task The_json_report_has_the_last_seven_city_days_their_weeks_and_a_total_from_the_event_log()
    {
        var report = await fx.Commander.Get(Route);

        Assert.Equal((PerformanceApp.StationId, PerformanceApp.StationName), (report.Str("stationId"), report.Str("stationName")));
        var days = report.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(7, days.Count);
        Assert.Equal(report.Str("to"), days[^1].Str("from"));
        AssertTheFigures(report.GetProperty("total"));
        Assert.Equal(4, days.Sum(d => d.GetProperty("received").GetInt32()));
        Assert.Equal(4, report.GetProperty("weeks").EnumerateArray().Sum(w => w.GetProperty("received").GetInt32()));
        var quiet = days.First(d => d.GetProperty("received").GetInt32() == 0);
        Assert.Equal(JsonValueKind.Null, quiet.GetProperty("closureRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, quiet.GetProperty("responseP50Seconds").ValueKind);
    }

    [Fact]
    public async Task The_csv_opens_in_excel_with_chinese_or_english_headers_and_the_same_rows()
    {
        var response = await fx.Dispatcher.GetAsync($"{Route}.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".csv", response.Content.Headers.ContentDisposition?.FileName ?? "");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        Assert.Equal(["类别", "开始日期", "结束日期", "受理警情", "已处置", "办结率"], lines[0][..6]);
        var total = lines[^1];
        Assert.Equal(("合计", "4", "3", "0.6667", "2"), (total[0], total[3], total[4], total[5], total[^1]));
        Assert.Equal(7, lines.Count(l => l[0] == "日"));

        var english = Encoding.UTF8.GetString((await fx.Dispatcher.GetByteArrayAsync($"{Route}.csv?lang=en"))[3..]).Split("\r\n");
        Assert.StartsWith("Row,From,To,Received,Handled,Closure rate,Response P50 (s)", english[0]);
        Assert.StartsWith("total,", english.Last(l => l.Length > 0));
    }

    [Fact]
    public async Task The_xlsx_is_a_workbook_with_the_headers_and_numbers_in_their_cells()
    {
        var response = await fx.Commander.GetAsync($"{Route}.xlsx?lang=en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal([PerformanceApp.StationId], MiniExcel.GetSheetNames(workbook));
        var rows = MiniExcel.Query(workbook, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var total = rows[^1];
        Assert.Equal("total", total["Row"]);
        Assert.Equal(4.0, Convert.ToDouble(total["Received"]));
        Assert.Equal(0.6667, Convert.ToDouble(total["Closure rate"]));
        Assert.Equal(0.5, Convert.ToDouble(total["Guards or volunteers first"]));
        Assert.Equal(2.0, Convert.ToDouble(total["Check-ins"]));
        Assert.Null(rows.First(r => Convert.ToDouble(r["Received"]) == 0)["Closure rate"]);
    }

    [Fact]
    public async Task The_ranking_lists_every_station_and_the_wall_reads_it_but_not_a_stations_report()
    {
        var wall = await fx.App.StaffClient("wall");
        var ranking = await wall.Get("/api/stations/performance");
        var ours = Assert.Single(ranking.GetProperty("stations").EnumerateArray(), s => s.Str("stationId") == PerformanceApp.StationId);
        Assert.Equal(1, ours.GetProperty("rank").GetInt32()); // the only station with incidents
        Assert.Equal(PerformanceApp.StationName, ours.Str("stationName"));
        AssertTheFigures(ours.GetProperty("figures"));

        Assert.Equal(HttpStatusCode.Forbidden, (await wall.GetAsync(Route)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await fx.App.StaffClient("station")).GetAsync($"{Route}.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fx.App.CreateClient().GetAsync("/api/stations/performance")).StatusCode);
    }

    [Theory]
    [InlineData("?from=2026-02-30", "from must be a date")]
    [InlineData("?to=01.12.2026", "to must be a date")]
    [InlineData("?from=2026-12-02&to=2026-12-01", "to must not be before from")]
    [InlineData("?from=2025-01-01&to=2026-12-01", "at most 400 days")]
    [InlineData(".csv?lang=fr", "lang must be zh or en")]
    [InlineData(".xlsx?lang=de", "lang must be zh or en")]
    public async Task Bad_input_is_a_400_that_says_what_is_wrong(string query, string error)
    {
        var problem = await (await fx.Commander.GetAsync($"{Route}{query}")).Problem(HttpStatusCode.BadRequest);
        Assert.Contains(error, problem.Str("detail"));
    }

    [Fact]
    public async Task An_unknown_station_is_a_404_a_bad_id_a_400_and_the_ranking_refuses_a_bad_period_too()
    {
        await (await fx.Commander.GetAsync("/api/stations/S-none/performance")).Problem(HttpStatusCode.NotFound);
        await (await fx.Commander.GetAsync("/api/stations/S-none/performance.xlsx")).Problem(HttpStatusCode.NotFound);
        await (await fx.Commander.GetAsync($"/api/stations/{new string('x', 300)}/performance")).Problem(HttpStatusCode.BadRequest);
        await (await fx.Commander.GetAsync("/api/stations/performance?from=x")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_routes_are_in_openapi()
    {
        var paths = (await fx.Commander.Get("/openapi/v1.json")).GetProperty("paths");
        foreach (var path in new[] { "/api/stations/{stationId}/performance", "/api/stations/{stationId}/performance.csv",
                     "/api/stations/{stationId}/performance.xlsx", "/api/stations/performance" })
            Assert.True(paths.TryGetProperty(path, out var item) && item.GetRawText().Contains("Station performance"), path);
    }
}
