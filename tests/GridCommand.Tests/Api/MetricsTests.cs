using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace GridCommand.Tests.Api;

/// <summary>
/// Alone, after every other test: meters are process-wide, so another app of this test process starting or stopping with
/// meters of the same names meanwhile would change what this app exports (a node in production is a process of its own).
/// </summary>
[CollectionDefinition(nameof(MetricsTests), DisableParallelization = true)]
public sealed class MetricsCollection;

/// <summary>/metrics, in Prometheus' text format: what a commander or a scraper with the scrape token reads of the grid.</summary>
[Collection(nameof(MetricsTests))]
public sealed class MetricsTests(MetricsTests.ScrapedApp shared) : IClassFixture<MetricsTests.ScrapedApp>
{
    private const string ScrapeToken = "scrape-3f9c1d2e7a";

    public sealed class ScrapedApp() : SharedApp(ApiKit.SharedSettings(("Metrics:ScrapeToken", ScrapeToken)));

    [Fact]
    public async Task Positions_accept_times_open_incidents_and_wall_bytes_are_counted_with_Orleans_own_figures()
    {
        await using var wall = await WallClient.Connect(shared.App, await shared.App.StaffClient("wall"));
        await wall.Watch(WallClient.World);
        var scene = Areas.Centre(2);
        var unit = await shared.App.EnrolOnDuty(shared.Commander, "metered-car", "patrol-car", scene.Offset(300, 0));
        var id = (await shared.Dispatcher.CreateIncident("fight", scene, priority: 1)).Id();
        await shared.Dispatcher.RecommendationsOnce(id, 1);
        var task = (await shared.Dispatcher.Send(HttpMethod.Post, $"/api/incidents/{id}/dispatch", new { unitId = unit.UnitId }, HttpStatusCode.OK)).Str("taskId");
        await unit.Client.Send(HttpMethod.Post, $"/api/tasks/{task}/accept", null, HttpStatusCode.OK);

        await Eventually.Succeeds(async () =>
        {
            var text = await Scrape(shared.Commander);
            Assert.True(Value(text, "gridcommand_positions_received_total") >= 1, "positions");
            Assert.True(Value(text, "gridcommand_dispatch_accept_time_seconds_count") >= 1, "accept time");
            Assert.True(Value(text, "gridcommand_incidents_open") >= 1, "open incidents");
            Assert.True(Value(text, "gridcommand_wall_bytes_sent_bytes_total") > 0, "wall bytes");
            Assert.Contains("\norleans_", text);
            Assert.Contains("http_server_request_duration_seconds_count", text);
        }, TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task A_scraper_with_the_token_reads_them_and_nobody_else_but_a_commander()
    {
        var scraper = shared.App.CreateClient();
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ScrapeToken);
        Assert.Contains("# TYPE", await Scrape(scraper));

        var wrongToken = shared.App.CreateClient();
        wrongToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ScrapeToken + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongToken.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await shared.App.CreateClient().GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await shared.Dispatcher.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Refused_requests_are_counted_by_status()
    {
        var before = await Scrape(shared.Commander);
        var badJson = new StringContent("{\"kind\":", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await shared.Commander.PutAsync("/api/units/refused-1", badJson)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await shared.App.CreateClient().GetAsync("/api/units")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await shared.App.CreateClient().GetAsync("/api/kpis")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await shared.Dispatcher.PutAsync("/api/units/refused-1", ApiKit.Body(new { kind = "guard", name = "x" }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await shared.Commander.GetAsync("/api/units/no-such-unit")).StatusCode);

        // The exporter answers from a copy for a moment: ask until the new figures are in.
        await Eventually.Succeeds(async () =>
        {
            var after = await Scrape(shared.Commander);
            Assert.True(Refused(after, 400) - Refused(before, 400) >= 1, "400");
            Assert.True(Refused(after, 401) - Refused(before, 401) >= 2, "401");
            Assert.True(Refused(after, 403) - Refused(before, 403) >= 1, "403");
            Assert.True(Refused(after, 404) - Refused(before, 404) >= 1, "404");
        }, TimeSpan.FromSeconds(15));
    }

    private static double Refused(string text, int status)
    {
        var samples = Regex.Matches(text, $@"^gridcommand_requests_refused_total\{{[^}}]*status=""{status}""[^}}]*\}} (\S+)", RegexOptions.Multiline);
        return samples.Sum(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<string> Scrape(HttpClient client)
    {
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sum of a metric's samples (every label set), or -1 when it is not there.</summary>
    private static double Value(string text, string name)
    {
        var samples = Regex.Matches(text, $@"^{name}(\{{[^}}]*\}})? (\S+)", RegexOptions.Multiline);
        return samples.Count == 0 ? -1 : samples.Sum(m => double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }
}
