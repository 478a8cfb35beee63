using System.Net.Http.Json;
using System.Text.Json;
using GridCommand.Tests.Api;
using Microsoft.Playwright;

namespace GridCommand.Tests.Browser;

/// <summary>
/// Volunteer orders (龙城众队) in the browser: the console publishes an incident to the volunteers around it; two
/// volunteers' phones (one in Chinese, one in English) list it; one claims it and the other sees it taken at once; the
/// claimer completes it and the console's leaderboard shows the team's points, in both languages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VolunteerPageTests(BrowserFixture city)
{
    private const double Lat = 32.4170, Lon = 119.3720;
    private const string Team = "龙城众队099队";

    private async Task<IPage> Phone(IBrowserContext context, string unitId, string key)
    {
        var phone = await context.NewPageAsync();
        await phone.GotoAsync(city.Url("/field"));
        await phone.FillAsync("#unit-id", unitId);
        await phone.FillAsync("#device-key", key);
        await phone.ClickAsync("#signin-form button[type=submit]");
        await BrowserFixture.Until(phone, "document.getElementById('conn').classList.contains('conn-live')");
        return phone;
    }

    private Task<IBrowserContext> PhoneContext(double metersNorth, string lang) => city.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 }, HasTouch = true, IsMobile = true,
        Permissions = ["geolocation"], Geolocation = new Geolocation { Latitude = (float)(Lat + metersNorth / 111_320.0), Longitude = (float)Lon },
    }).ContinueWith(async t =>
    {
        await t.Result.AddInitScriptAsync($"localStorage.setItem('gc.lang', '{lang}');");
        return t.Result;
    }).Unwrap();

    [Fact]
    public async Task One_volunteer_claims_the_other_sees_it_taken_and_the_leaderboard_shows_the_points()
    {
        var keyA = await city.EnrollUnit("TVA1", "volunteer", Lat + 0.002, Lon, Team);
        var keyB = await city.EnrollUnit("TVA2", "volunteer", Lat - 0.002, Lon, Team);
        using var dispatcher = await city.App.StaffClient("dispatcher");
        await Eventually.Until(() => dispatcher.GetFromJsonAsync<JsonElement>("/api/units?kind=volunteer"),
            list => new[] { "TVA1", "TVA2" }.All(id => list.EnumerateArray().Any(u => u.GetProperty("unitId").GetString() == id
                && u.GetProperty("status").GetString() == "available" && u.GetProperty("lat").ValueKind == JsonValueKind.Number)),
            "both volunteers on duty in the live picture");
        var incidentId = await city.CreateIncident("missing-person", 2, Lat, Lon, "文昌中路18号");

        await using var contextA = await PhoneContext(220, "zh");
        await using var contextB = await PhoneContext(-220, "en");
        var phoneA = await Phone(contextA, "TVA1", keyA);
        var phoneB = await Phone(contextB, "TVA2", keyB);
        await Assertions.Expect(phoneA.Locator("#vo")).ToBeVisibleAsync();
        await Assertions.Expect(phoneA.Locator("#vo-empty")).ToHaveTextAsync("附近暂无订单");
        await Assertions.Expect(phoneB.Locator("#vo-empty")).ToHaveTextAsync("No orders nearby");

        // The console publishes the incident to the volunteers within 1 km.
        await using var console = await city.Context("dispatcher", lang: "zh");
        var page = await console.NewPageAsync();
        await page.GotoAsync(city.Url("/dispatch"));
        await BrowserFixture.Until(page, "document.getElementById('conn').classList.contains('conn-live')");
        await page.EvaluateAsync($"gcDispatch.select('{incidentId}')");
        await Assertions.Expect(page.Locator("#dv-publish")).ToHaveTextAsync("发布众队订单");
        await Assertions.Expect(page.Locator("#dv-orders")).ToContainTextAsync("尚未发布众队订单");
        await page.FillAsync("#dv-radius", "1000");
        await page.FillAsync("#dv-note", "寻找走失儿童，红色外套");
        await page.ClickAsync("#dv-publish");
        await Assertions.Expect(page.Locator("#toast")).ToContainTextAsync("已发布给范围内");
        await Assertions.Expect(page.Locator("#dv-orders")).ToContainTextAsync("待接单");

        // Both phones list it, with its distance and note, and the claim button.
        var orderA = phoneA.Locator("#vo-list .vo-order");
        var orderB = phoneB.Locator("#vo-list .vo-order");
        await Assertions.Expect(orderA).ToContainTextAsync("寻找走失儿童，红色外套");
        await Assertions.Expect(orderA).ToContainTextAsync("走失");
        await Assertions.Expect(orderA.Locator(".vo-distance")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+米$"));
        await Assertions.Expect(orderA.Locator(".vo-claim")).ToHaveTextAsync("接单");
        await Assertions.Expect(orderB).ToContainTextAsync("Missing person");
        await Assertions.Expect(orderB.Locator(".vo-claim")).ToHaveTextAsync("Claim");
        await BrowserFixture.Shot(phoneA, "field-volunteer-order");

        // A claims: it is A's, and B sees it taken without doing anything.
        await phoneA.ClickAsync("#vo-list .vo-claim");
        await Assertions.Expect(orderA.Locator(".vo-mine")).ToHaveTextAsync("我的订单");
        await Assertions.Expect(phoneA.Locator("#t-status")).ToHaveTextAsync("已接警"); // the task card: arrive, then done, if it likes
        await Assertions.Expect(orderB.Locator(".vo-taken")).ToHaveTextAsync("Taken");
        await Assertions.Expect(orderB.Locator(".vo-claim")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#dv-orders")).ToContainTextAsync("已被 TVA1");
        // The incident's tasks show the volunteer on it, accepted.
        await Assertions.Expect(page.Locator("#detail .tasks li[data-unit-id='TVA1']")).ToHaveAttributeAsync("data-status", "accepted");

        await phoneA.ClickAsync("#vo-list .vo-complete");
        await Assertions.Expect(orderA.Locator(".vo-done")).ToHaveTextAsync("已完成 +10 积分");
        await Assertions.Expect(phoneA.Locator("#vo-points")).ToContainTextAsync("积分 10");
        await Assertions.Expect(phoneA.Locator("#task")).ToBeHiddenAsync();

        // The leaderboard, in Chinese and then in English.
        await page.ClickAsync("#tab-volunteers");
        var row = page.Locator($"#dv-board tr[data-team='{Team}']");
        await Assertions.Expect(row.Locator(".dv-points")).ToHaveTextAsync("10");
        await Assertions.Expect(page.Locator("#volunteers h3")).ToHaveTextAsync("众队积分榜");
        await Assertions.Expect(page.Locator("#detail")).ToBeHiddenAsync();
        await page.ClickAsync("#lang-switch");
        await Assertions.Expect(page.Locator("#volunteers h3")).ToHaveTextAsync("Volunteer team leaderboard");
        await Assertions.Expect(page.Locator("#dv-board")).ToContainTextAsync("Orders completed");
        await BrowserFixture.Shot(page, "dispatch-volunteer-leaderboard");
        await page.ClickAsync("#tab-incident");
        await Assertions.Expect(page.Locator("#volunteers")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#dv-orders")).ToContainTextAsync("TVA1 completed +10");
    }
}
