using GridCommand.Rules;
using GridCommand.Tests.Api;
using GridCommand.Web.Live;
using Microsoft.Playwright;

namespace GridCommand.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class WallPageTests(BrowserFixture city)
{
    [Fact]
    public async Task The_wall_draws_the_city_follows_units_and_incidents_and_resyncs_after_a_dropped_connection()
    {
        var key = await city.EnrollUnit("TW1", "patrol-car", 32.35, 119.40);
        var (device, _) = await city.App.DeviceClient("TW1", key);
        await using var context = await city.Context(width: 1920, height: 1080);
        var page = await context.NewPageAsync();
        await SignInAsTheWall(page, city.Url("/wall"));

        // The kiosk's sign-in stays in localStorage, never in the URL; the grid and the units are drawn.
        await BrowserFixture.Until(page, "window.gcWall && gcWall.cells.size > 1000 && gcWall.markerCount() >= 47");
        Assert.EndsWith("/wall", page.Url);
        Assert.Equal("wall", await page.EvaluateAsync<string?>("JSON.parse(localStorage.getItem('gc.staff')).role"));
        Assert.True(await page.Locator("canvas.leaflet-zoom-animated").CountAsync() >= 1);
        await BrowserFixture.Until(page, "document.getElementById('conn').classList.contains('conn-live')");
        await BrowserFixture.Until(page, "gcWall.unitLatLng('TW1') !== null");

        // A posted position moves the unit's marker.
        await BrowserFixture.PostPosition(device, "TW1", 32.41, 119.46);
        await BrowserFixture.Until(page, "(p => p && Math.abs(p[0] - 32.41) < 1e-6 && Math.abs(p[1] - 119.46) < 1e-6)(gcWall.unitLatLng('TW1'))");

        // A new incident enters the ticker and the open count goes up.
        var openBefore = int.Parse(await page.TextContentAsync("#open-1") ?? "0");
        var first = await city.CreateIncident("fight", 1, 32.40, 119.45, "文昌中路 1 号");
        await page.Locator($"#ticker li[data-id='{first}']").WaitForAsync();
        await BrowserFixture.Until(page, $"document.getElementById('open-1').textContent === '{openBefore + 1}'");
        await BrowserFixture.Until(page, "Number(document.getElementById('kpi-today').textContent) >= 1");
        await BrowserFixture.Shot(page, "wall-live");

        // The server drops the connection: the page reconnects and resyncs from a fresh snapshot,
        // including what happened while it was away.
        var snapshots = await page.EvaluateAsync<string>("document.body.dataset.snapshots");
        Assert.True(city.App.Service<WallConnections>().AbortAll() >= 1);
        var second = await city.CreateIncident("theft", 2, 32.33, 119.38);
        await BrowserFixture.Until(page, $"Number(document.body.dataset.snapshots) > {snapshots}");
        await BrowserFixture.Until(page, "document.getElementById('conn').classList.contains('conn-live')");
        await page.Locator($"#ticker li[data-id='{second}']").WaitForAsync();
        await BrowserFixture.PostPosition(device, "TW1", 32.36, 119.36);
        await BrowserFixture.Until(page, "(p => p && Math.abs(p[0] - 32.36) < 1e-6)(gcWall.unitLatLng('TW1'))");
        await BrowserFixture.Shot(page, "wall-after-reconnect");

        // At 4K the same page scales up (vw/clamp fonts) without overflowing.
        await page.SetViewportSizeAsync(3840, 2160);
        var fontPx = await page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.body).fontSize)");
        Assert.True(fontPx > 30, $"body font {fontPx}px at 4K");
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollHeight > innerHeight + 1"));
        await BrowserFixture.Shot(page, "wall-4k");
    }

    [Fact]
    public async Task The_wall_shows_city_time_when_the_browser_is_in_another_zone()
    {
        await using var context = await city.Context("wall", timezoneId: "America/New_York");
        var page = await context.NewPageAsync();
        await page.GotoAsync(city.Url("/wall"));
        await BrowserFixture.Until(page, "document.getElementById('conn').classList.contains('conn-live')");
        Assert.Equal("America/New_York", await page.EvaluateAsync<string>("Intl.DateTimeFormat().resolvedOptions().timeZone"));

        // The clock reads Shanghai time (the city's default zone), 12 or 13 hours from the browser's own.
        await BrowserFixture.Until(page, "/^\\d\\d:\\d\\d:\\d\\d$/.test(document.getElementById('clock').textContent)");
        var shown = TimeOnly.ParseExact(await page.TextContentAsync("#clock") ?? "", "HH:mm:ss");
        var cityNow = TimeOnly.FromDateTime(CityClock.InZone("Asia/Shanghai").Local(DateTimeOffset.UtcNow).DateTime);
        var apart = (cityNow - shown).TotalSeconds;
        Assert.True(Math.Min(apart, 86_400 - apart) < 5, $"the wall clock shows {shown:HH:mm:ss}, the city's time is {cityNow:HH:mm:ss}");

        // A new incident's time in the ticker is the city time its id was made at (I yyMMdd-HHmmss-xxxx).
        var id = await city.CreateIncident("theft", 3, 32.34, 119.41);
        var line = page.Locator($"#ticker li[data-id='{id}']");
        await line.WaitForAsync();
        Assert.Contains($"{id[8..10]}:{id[10..12]}:{id[12..14]}", await line.TextContentAsync());
    }

    [Fact]
    public async Task A_kiosk_signed_in_once_renews_its_token_by_itself_and_stays_live_past_the_first_tokens_expiry()
    {
        var lifetime = TimeSpan.FromSeconds(16);
        await using var app = new GridCommandApp(new Dictionary<string, string?> { ["Auth:WallTokenLifetime"] = lifetime.ToString() });
        var url = new Uri(app.StartOnRealPort(), "/wall").ToString();
        await using var context = await city.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsTheWall(page, url);
        await BrowserFixture.Until(page, "document.getElementById('conn').classList.contains('conn-live')");
        var first = await page.EvaluateAsync<string>("JSON.parse(localStorage.getItem('gc.staff')).token");
        var signedInAt = DateTimeOffset.UtcNow;

        // Renewed halfway through its life, with no one at the screen.
        await BrowserFixture.Until(page, $"JSON.parse(localStorage.getItem('gc.staff')).token !== '{first}'", timeoutMs: 15_000);

        // The first token expires: the server closes the connection it opened, the page comes back on the renewed one.
        await Task.Delay(signedInAt + lifetime + TimeSpan.FromSeconds(3) - DateTimeOffset.UtcNow);
        await BrowserFixture.Until(page, "Number(document.body.dataset.snapshots) >= 2 && document.getElementById('conn').classList.contains('conn-live')");
        var stale = app.CreateClient();
        stale.DefaultRequestHeaders.Authorization = new("Bearer", first);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await stale.GetAsync("/api/cells")).StatusCode);

        // A restart of the kiosk's browser (a reload) needs no sign-in either.
        await page.ReloadAsync();
        await BrowserFixture.Until(page, "document.getElementById('conn').classList.contains('conn-live')");
        Assert.EndsWith("/wall", page.Url);
    }

    /// <summary>The wall sends a kiosk with no sign-in to /login, once; it comes back to the wall.</summary>
    private static async Task SignInAsTheWall(IPage page, string wallUrl)
    {
        await page.GotoAsync(wallUrl, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await BrowserFixture.UntilAt(page, url => url.AbsolutePath == "/login");
        await page.FillAsync("#user", "wall");
        await page.FillAsync("#password", "wall");
        await page.ClickAsync("button[type=submit]");
        await BrowserFixture.UntilAt(page, url => url.AbsolutePath == "/wall");
    }
}
