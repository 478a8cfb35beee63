using System.Net.Http.Json;
using Microsoft.Playwright;

namespace GridCommand.Tests.Browser;

/// <summary>
/// The console draws a plan and starts a drill (in English); the unit's phone (in Chinese) is told where to go and its GPS
/// staffs the point; the wall (in Chinese) shows the points and the clock until it seals and stands down.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LockdownPageTests(BrowserFixture city)
{
    // The city's north-east corner, with a test unit of its own beside the point: far nearer than any demo unit.
    private const double PointLat = 32.452, PointLon = 119.512;

    [Fact]
    public async Task A_drill_started_in_the_console_shows_on_the_wall_with_its_clock_and_seals_when_the_unit_is_in_place()
    {
        var key = await city.EnrollUnit("TLK1", "guard", PointLat - 0.002, PointLon);
        await using var phoneContext = await city.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, HasTouch = true, IsMobile = true,
            Permissions = ["geolocation"], Geolocation = new Geolocation { Latitude = (float)(PointLat - 0.002), Longitude = (float)PointLon },
        });
        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync(city.Url("/field"));
        await phone.FillAsync("#unit-id", "TLK1");
        await phone.FillAsync("#device-key", key);
        await phone.ClickAsync("#signin-form button[type=submit]");
        await BrowserFixture.Until(phone, "document.getElementById('conn').classList.contains('conn-live')");

        await using var wallContext = await city.Context("wall", lang: "zh");
        var wall = await wallContext.NewPageAsync();
        await wall.GotoAsync(city.Url("/wall"));
        await BrowserFixture.Until(wall, "document.getElementById('conn').classList.contains('conn-live')");
        Assert.True(await wall.Locator("#lockdown-panel").IsHiddenAsync());

        await using var consoleContext = await city.Context("dispatcher", lang: "en");
        var console = await consoleContext.NewPageAsync();
        var problems = new List<string>();
        console.PageError += (_, error) => problems.Add($"page error: {error}");
        await console.GotoAsync(city.Url("/dispatch"));
        await BrowserFixture.Until(console, "document.getElementById('conn').classList.contains('conn-live')");
        await console.ClickAsync("#tab-lockdown");
        await Assertions.Expect(console.Locator("#lockdown")).ToContainTextAsync("Draw a plan");

        // Draw: one blocking point, clicked on the map.
        await console.ClickAsync("#lk-draw-toggle");
        var at = await console.EvaluateAsync<float[]>($"(() => {{ const p = gcDispatch.map.latLngToContainerPoint([{PointLat}, {PointLon}]); return [p.x, p.y]; }})()");
        var box = (await console.Locator("#map").BoundingBoxAsync())!;
        await console.Mouse.ClickAsync(box.X + at[0], box.Y + at[1]);
        await Assertions.Expect(console.Locator("#lk-drawn li")).ToHaveCountAsync(1);
        await Assertions.Expect(console.Locator("#create")).ToBeHiddenAsync(); // a plan's point, not a new incident
        await console.FillAsync(".lk-point-name", "东北角堵控点");
        await console.FillAsync("#lk-name", "浏览器演练预案");
        await console.ClickAsync("#lk-save");
        await Assertions.Expect(console.Locator("#lk-plan option:checked")).ToContainTextAsync("浏览器演练预案");

        await console.ClickAsync("#lk-drill");
        var item = console.Locator("#lk-active li[data-activation]");
        await Assertions.Expect(item).ToContainTextAsync("Since activation");
        var activationId = await item.GetAttributeAsync("data-activation");

        // The wall: the panel in Chinese, the point on the map, the clock counting.
        await BrowserFixture.Until(wall, $"document.body.dataset.lockdown === '{activationId}'");
        await Assertions.Expect(wall.Locator("#lk-title")).ToHaveTextAsync("关城门 · 浏览器演练预案 (演练)");
        await Assertions.Expect(wall.Locator("#lk-elapsed")).ToContainTextAsync("已启动 00:0");
        await Assertions.Expect(wall.Locator("#lk-seal")).ToHaveTextAsync("封控中…");
        await BrowserFixture.Until(wall, $"gcWall.lockdowns.active.get('{activationId}')?.view.points.length === 1");
        await BrowserFixture.Until(wall, "document.getElementById('lk-en-route')?.textContent === '1'");
        await BrowserFixture.Shot(wall, "wall-lockdown");

        // The phone: where to go and what to do there, in its language; the crew accepts and walks there.
        await BrowserFixture.Until(phone, "document.body.dataset.taskStatus === 'assigned'");
        await Assertions.Expect(phone.Locator("#t-type")).ToHaveTextAsync("关城门·应急堵控点");
        await Assertions.Expect(phone.Locator("#t-address")).ToHaveTextAsync("东北角堵控点");
        await Assertions.Expect(phone.Locator("#t-description")).ToHaveTextAsync("前往应急堵控点“东北角堵控点”设卡堵控");
        await BrowserFixture.Shot(phone, "field-lockdown");
        await phone.ClickAsync("#accept");
        await BrowserFixture.Until(phone, "document.body.dataset.taskStatus === 'accepted'");
        await phoneContext.SetGeolocationAsync(new Geolocation { Latitude = (float)PointLat, Longitude = (float)(PointLon + 0.0002) });
        await BrowserFixture.Until(wall, "document.getElementById('lk-staffed')?.textContent === '1'", 20_000);
        await Assertions.Expect(wall.Locator("#lk-seal")).ToContainTextAsync("封控用时 00:");
        await Assertions.Expect(item.Locator(".lk-seal")).ToContainTextAsync("Sealed in 00:");
        await BrowserFixture.Shot(console, "dispatch-lockdown");

        await item.Locator(".lk-stand-down").ClickAsync();
        await Assertions.Expect(wall.Locator("#lockdown-panel")).ToBeHiddenAsync();
        await BrowserFixture.Until(phone, "document.body.dataset.taskStatus === 'none'");
        await Assertions.Expect(console.Locator("#lk-active")).ToContainTextAsync("No plan active");
        var unit = await (await city.App.StaffClient("dispatcher")).GetFromJsonAsync<System.Text.Json.JsonElement>("/api/units/TLK1");
        Assert.Equal("available", unit.GetProperty("unit").GetProperty("status").GetString());
        Assert.Empty(problems);
    }
}
