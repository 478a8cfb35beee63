using System.Text.Json;
using GridCommand.Tests.Api;
using Microsoft.Playwright;

namespace GridCommand.Tests.Browser;

/// <summary>A city of its own (no simulator) whose tracks are sampled and saved every second, with one incident run in it.</summary>
public sealed class ReplayCity : IAsyncLifetime
{
    public GridCommandApp App { get; } = new(ReplayScenario.QuickTracks);
    public Uri BaseUrl { get; private set; } = null!;
    public string IncidentId { get; private set; } = "";
    public JsonElement Replay { get; private set; }

    public async Task InitializeAsync()
    {
        BaseUrl = App.StartOnRealPort();
        var dispatcher = await App.StaffClient("dispatcher");
        (IncidentId, _) = await ReplayScenario.IncidentDrivenTo(App, await App.StaffClient("commander"), dispatcher, "RB-car", Areas.Centre(5));
        Replay = await ReplayScenario.SavedReplay(dispatcher, IncidentId);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The replay page plays an incident: the car's marker moves, the current event follows, the slider seeks, speeds and both languages work.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReplayPageTests(BrowserFixture browser, ReplayCity city) : IClassFixture<ReplayCity>
{
    private async Task<IPage> SignedInPage(string lang)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 850 } });
        context.SetDefaultTimeout(15_000);
        var dispatcher = await city.App.StaffClient("dispatcher");
        await context.AddInitScriptAsync(BrowserFixture.SignedIn(SharedApp.TokenOf(dispatcher), "dispatcher") +
                                         $"localStorage.setItem('gc.lang', '{lang}');");
        return await context.NewPageAsync();
    }

    private async Task<IPage> Open(string lang)
    {
        var page = await SignedInPage(lang);
        await page.GotoAsync(new Uri(city.BaseUrl, $"/replay?incident={city.IncidentId}").ToString());
        await page.Locator(".rp-marker[data-unit-id='RB-car']").WaitForAsync();
        return page;
    }

    private static async Task<DateTimeOffset> ReplayAt(IPage page) =>
        DateTimeOffset.Parse((await page.GetAttributeAsync("body", "data-replay-at"))!);

    private static async Task<(float X, float Y)> Marker(IPage page)
    {
        var box = (await page.Locator(".rp-marker[data-unit-id='RB-car']").BoundingBoxAsync())!;
        return (box.X, box.Y);
    }

    private static Task<string> Current(IPage page) => page.Locator("#events li.current").GetAttributeAsync("data-what")!;

    [Fact]
    public async Task The_page_plays_the_incident_the_marker_moves_the_slider_seeks_and_speed_multiplies_time()
    {
        var page = await Open("zh");
        Assert.Equal("警情回放", await page.TextContentAsync("#rp-heading"));
        Assert.Equal(6, await page.Locator("#events li[data-n]").CountAsync());
        Assert.Equal("派警", (await page.Locator("#events li[data-what='incident.dispatched'] [data-i18n]").First.TextContentAsync())?.Trim());
        var windowFrom = city.Replay.GetProperty("window").GetProperty("from").GetDateTimeOffset();
        Assert.InRange((await ReplayAt(page) - windowFrom).Duration().TotalMilliseconds, 0, 1); // the page keeps milliseconds
        Assert.Equal(0, await page.Locator("#events li.current").CountAsync()); // five minutes before the call
        var atStart = await Marker(page);

        // Clicking an event seeks to it: the car is where it was when it was sent, and that event is the current one.
        await page.ClickAsync("#events li[data-what='task.accept']");
        var accepted = city.Replay.GetProperty("events").EnumerateArray().First(e => e.Str("what") == "task.accept").GetProperty("at").GetDateTimeOffset();
        Assert.InRange((await ReplayAt(page) - accepted).Duration().TotalSeconds, 0, 1);
        Assert.Equal("task.accept", await Current(page));

        // 5×: about five seconds of the replay pass in a second; the car drives south on the screen, and arrives.
        await page.ClickAsync("[data-speed='5']");
        await page.ClickAsync("#play");
        Assert.Equal("暂停", await page.TextContentAsync("#play"));
        var wallClock = System.Diagnostics.Stopwatch.StartNew();
        // The call is closed 4 ms after the car's "done": a frame at 5× may step past "done" straight to "closed".
        await BrowserFixture.Until(page, "['task.complete', 'incident.closed'].includes(document.querySelector('#events li.current')?.dataset.what)");
        var replayed = (await ReplayAt(page) - accepted).TotalSeconds;
        Assert.InRange(replayed / wallClock.Elapsed.TotalSeconds, 2.5, 6);
        var atScene = await Marker(page);
        Assert.True(atScene.Y - atStart.Y > 30, $"the marker should have moved south on the screen: {atStart} → {atScene}");

        // The slider seeks back to the start (playing stopped at the end of the window), where the car waits at its first point.
        await BrowserFixture.Until(page, "document.getElementById('play').dataset.i18n === 'rp.play'");
        await page.EvaluateAsync("() => { const s = document.getElementById('slider'); s.value = '0'; s.dispatchEvent(new Event('input')); }");
        Assert.InRange((await ReplayAt(page) - windowFrom).Duration().TotalMilliseconds, 0, 1);
        Assert.Equal(atStart, await Marker(page));

        // 60×: a minute of the five before the call passes in about a second; pause holds the time.
        await page.ClickAsync("[data-speed='60']");
        await page.ClickAsync("#play");
        await Task.Delay(1000);
        await page.ClickAsync("#play");
        var paused = await ReplayAt(page);
        Assert.InRange((paused - windowFrom).TotalSeconds, 30, 120);
        Assert.Equal("播放", await page.TextContentAsync("#play"));
        await Task.Delay(400);
        Assert.Equal(paused, await ReplayAt(page));
        await BrowserFixture.Shot(page, "replay");
    }

    [Fact]
    public async Task The_page_speaks_English_and_switches_back_to_Chinese()
    {
        var page = await Open("en");
        Assert.Equal("Incident replay", await page.TextContentAsync("#rp-heading"));
        Assert.Equal("Play", await page.TextContentAsync("#play"));
        Assert.Equal("Dispatched", (await page.Locator("#events li[data-what='incident.dispatched'] [data-i18n]").First.TextContentAsync())?.Trim());
        Assert.DoesNotMatch("[\u3400-\u9fff]", await page.TextContentAsync("aside") ?? "");

        await page.ClickAsync("#lang-switch");
        Assert.Equal("警情回放", await page.TextContentAsync("#rp-heading"));
        Assert.Equal("播放", await page.TextContentAsync("#play"));
        Assert.Equal("派警", (await page.Locator("#events li[data-what='incident.dispatched'] [data-i18n]").First.TextContentAsync())?.Trim());
    }

    [Fact]
    public async Task The_console_opens_the_incident_replay_and_the_area_replay_of_what_its_map_shows()
    {
        var page = await SignedInPage("zh");
        await page.GotoAsync(new Uri(city.BaseUrl, "/dispatch").ToString());
        await page.ClickAsync("#show-all"); // the closed incident is in today's list
        await page.ClickAsync($"#queue li:has-text('{city.IncidentId}')");
        Assert.EndsWith($"/replay?incident={city.IncidentId}", await page.GetAttributeAsync("#detail a.replay-link", "href"));

        // The console's area link: the last 15 minutes of the middle of its map, in a box the server takes.
        var link = new Uri(city.BaseUrl, (await page.GetAttributeAsync("#replay-area", "href"))!);
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        Assert.InRange(double.Parse(query["north"]!) - double.Parse(query["south"]!), 0.01, 0.1);
        Assert.InRange(double.Parse(query["east"]!) - double.Parse(query["west"]!), 0.01, 0.1);
        Assert.InRange((DateTimeOffset.Parse(query["to"]!) - DateTimeOffset.Parse(query["from"]!)).TotalMinutes, 14.9, 15.1);
        await page.ClickAsync("#replay-area");
        await BrowserFixture.UntilAt(page, u => u.AbsolutePath == "/replay");
        await BrowserFixture.Until(page, "document.getElementById('rp-heading')?.textContent === '区域回放'");

        // An area replay around the scene: the car's marker and the incident, and its opening in the events.
        var scene = Areas.Centre(5);
        var (from, to) = (DateTimeOffset.UtcNow.AddMinutes(-15).ToString("O"), DateTimeOffset.UtcNow.ToString("O"));
        await page.GotoAsync(new Uri(city.BaseUrl, $"/replay?south={scene.Lat - 0.02}&west={scene.Lon - 0.02}&north={scene.Lat + 0.02}" +
                                                  $"&east={scene.Lon + 0.02}&from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}").ToString());
        await page.Locator(".rp-marker[data-unit-id='RB-car']").WaitForAsync();
        await page.Locator($".rp-incident[data-incident-id='{city.IncidentId}']").WaitForAsync();
        Assert.Equal(1, await page.Locator("#events li[data-what='incident.opened']").CountAsync());
        await page.ClickAsync("[data-speed='60']");
        await page.ClickAsync("#play");
        await BrowserFixture.Until(page, "document.querySelector('#events li.current')?.dataset.what === 'incident.opened'");
    }
}
