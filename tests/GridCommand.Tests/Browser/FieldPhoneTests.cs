using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace GridCommand.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class FieldPhoneTests(BrowserFixture city)
{
    [Fact]
    public async Task On_a_phone_the_answer_buttons_fit_without_scrolling_and_offline_answers_are_queued_then_resent()
    {
        var key = await city.EnrollUnit("TF1", "guard", 32.39, 119.44);
        await using var context = await city.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, HasTouch = true, IsMobile = true, DeviceScaleFactor = 2,
            Permissions = ["geolocation"], Geolocation = new Geolocation { Latitude = 32.3905f, Longitude = 119.4405f },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(city.Url("/field"));
        await page.FillAsync("#unit-id", "TF1");
        await page.FillAsync("#device-key", key);
        await page.ClickAsync("#signin-form button[type=submit]");
        await BrowserFixture.Until(page, "document.getElementById('conn').classList.contains('conn-live')");
        Assert.Equal("true", await page.GetAttributeAsync("#duty", "aria-pressed"));

        // The phone shares its position while on duty.
        var staff = await city.App.StaffClient("dispatcher");
        await WaitFor(async () => (await staff.GetFromJsonAsync<JsonElement>("/api/units/TF1")).GetProperty("unit").GetProperty("lat").GetDouble() is > 32.3904 and < 32.3906);

        var incident = await city.CreateIncident("suspicious-person", 2, 32.392, 119.442, "东关街 12 号");
        (await staff.PostAsJsonAsync($"/api/incidents/{incident}/dispatch", new { unitId = "TF1" })).EnsureSuccessStatusCode();
        await BrowserFixture.Until(page, "document.body.dataset.taskStatus === 'assigned'");
        await AllOnScreen(page, "#accept", "#decline", "#reason");
        Assert.NotEqual("–", await page.TextContentAsync("#t-distance"));
        await BrowserFixture.Shot(page, "field-phone-assigned");

        // Offline: the answer is queued in localStorage and the page says so; back online it is resent.
        await context.SetOfflineAsync(true);
        await page.ClickAsync("#accept");
        await Assertions.Expect(page.Locator("#outbox")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#conn")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("conn-offline"));
        Assert.Equal(1, await page.EvaluateAsync<int>("gcField.outbox().length"));
        await AllOnScreen(page, "#arrive");
        await BrowserFixture.Shot(page, "field-phone-offline");
        await context.SetOfflineAsync(false);
        await BrowserFixture.Until(page, "gcField.outbox().length === 0", 20_000);
        await Assertions.Expect(page.Locator("#conn")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("conn-live"));
        await WaitFor(async () => TaskStatus(await staff.GetFromJsonAsync<JsonElement>($"/api/incidents/{incident}")) == "accepted");

        await page.ClickAsync("#arrive");
        await BrowserFixture.Until(page, "document.body.dataset.taskStatus === 'on-scene'");
        await AllOnScreen(page, "#done", "#note");
        await page.ClickAsync("#done");
        await WaitFor(async () => TaskStatus(await staff.GetFromJsonAsync<JsonElement>($"/api/incidents/{incident}")) == "done");

        // Off duty stops the sharing.
        await page.ClickAsync("#duty");
        await Assertions.Expect(page.Locator("#duty")).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.Equal("off-duty", (await staff.GetFromJsonAsync<JsonElement>("/api/units/TF1")).GetProperty("unit").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_phone_reopened_with_its_saved_session_shows_its_current_task_without_signing_in_again()
    {
        var key = await city.EnrollUnit("TF2", "guard", 32.37, 119.40);
        await using var context = await city.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(city.Url("/field"));
        await page.FillAsync("#unit-id", "TF2");
        await page.FillAsync("#device-key", key);
        await page.ClickAsync("#signin-form button[type=submit]");
        await BrowserFixture.Until(page, "document.getElementById('conn').classList.contains('conn-live')");
        var staff = await city.App.StaffClient("dispatcher");
        var incident = await city.CreateIncident("fight", 1, 32.371, 119.401, "文昌路 9 号");
        (await staff.PostAsJsonAsync($"/api/incidents/{incident}/dispatch", new { unitId = "TF2" })).EnsureSuccessStatusCode();
        await BrowserFixture.Until(page, "document.body.dataset.taskStatus === 'assigned'");

        await page.ReloadAsync();

        await BrowserFixture.Until(page, "document.body.dataset.taskStatus === 'assigned'");
        Assert.False(await page.IsVisibleAsync("#signin"));
        Assert.Empty(errors);
    }

    private static string? TaskStatus(JsonElement incident) =>
        incident.GetProperty("tasks").EnumerateArray().Last().GetProperty("status").GetString();

    private static async Task AllOnScreen(IPage page, params string[] selectors)
    {
        Assert.False(await page.EvaluateAsync<bool>("document.scrollingElement.scrollTop > 0"));
        foreach (var selector in selectors)
        {
            var box = await page.Locator(selector).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Y >= 0 && box.Y + box.Height <= 844 && box.X >= 0 && box.X + box.Width <= 390,
                $"{selector} at {box.X},{box.Y} {box.Width}×{box.Height} is off a 390×844 screen");
            if (selector.StartsWith("#a") || selector is "#done" or "#decline" or "#arrive") Assert.True(box.Height >= 48, $"{selector} is too small to tap");
        }
    }

    private static async Task WaitFor(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition()) return;
            await Task.Delay(150);
        }
        Assert.Fail("condition not met in 15 s");
    }
}
