using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace GridCommand.Tests.Browser;

/// <summary>
/// Not a check: takes the README's screenshots of a running demo city. Does nothing unless
/// GRIDCOMMAND_SCREENSHOT_URL is set, e.g.
/// GRIDCOMMAND_SCREENSHOT_URL=http://localhost:5080 ./test.sh --filter ReadmeScreenshots
/// (writes docs/screenshots/*.png).
/// </summary>
public sealed class ReadmeScreenshots
{
    [Fact]
    public async Task Take_the_README_screenshots_of_a_running_demo_city()
    {
        if (Environment.GetEnvironmentVariable("GRIDCOMMAND_SCREENSHOT_URL") is not { Length: > 0 } url) return;
        var baseUri = new Uri(url);
        var output = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../docs/screenshots"));
        Directory.CreateDirectory(output);
        using var http = new HttpClient { BaseAddress = baseUri };
        async Task<string> Token(string role) =>
            (await (await http.PostAsJsonAsync("/api/auth/login", new { username = role, password = role })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("token").GetString()!;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("GRIDCOMMAND_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });

        var wall = await (await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } })).NewPageAsync();
        await wall.GotoAsync(new Uri(baseUri, $"/wall?token={await Token("wall")}").ToString());
        await BrowserFixture.Until(wall, "document.getElementById('conn').classList.contains('conn-live') && gcWall.markerCount() > 100", 30_000);
        await wall.WaitForTimeoutAsync(1500);
        await wall.ScreenshotAsync(new() { Path = Path.Combine(output, "wall.png") });

        // A task for the field page: the top unit for the oldest new incident.
        var dispatcherToken = await Token("dispatcher");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", dispatcherToken);
        var incidents = await http.GetFromJsonAsync<JsonElement>("/api/incidents?status=new");
        string? unitId = null;
        foreach (var incident in incidents.EnumerateArray().Where(i => i.GetProperty("divertedTo").ValueKind == JsonValueKind.Null))
        {
            var r = await http.PostAsJsonAsync($"/api/incidents/{incident.GetProperty("id").GetString()}/dispatch", new { requestId = Guid.NewGuid().ToString() });
            if (!r.IsSuccessStatusCode) continue;
            unitId = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unitId").GetString();
            break;
        }

        var dispatchContext = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        await dispatchContext.AddInitScriptAsync(
            $"localStorage.setItem('gc.staff', {JsonSerializer.Serialize(JsonSerializer.Serialize(new { token = dispatcherToken, role = "dispatcher", user = "dispatcher" }))});");
        var dispatch = await dispatchContext.NewPageAsync();
        await dispatch.GotoAsync(new Uri(baseUri, "/dispatch").ToString());
        await BrowserFixture.Until(dispatch, "document.getElementById('conn').classList.contains('conn-live')", 30_000);
        var first = dispatch.Locator("#queue li.status-new").First;
        if (await first.CountAsync() == 0) first = dispatch.Locator("#queue li").First;
        await first.ClickAsync();
        await dispatch.WaitForTimeoutAsync(1500);
        await dispatch.ScreenshotAsync(new() { Path = Path.Combine(output, "dispatch.png") });

        var phone = await (await browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
            Permissions = ["geolocation"], Geolocation = new() { Latitude = 32.38f, Longitude = 119.42f },
        })).NewPageAsync();
        await phone.GotoAsync(new Uri(baseUri, "/field").ToString());
        await phone.FillAsync("#unit-id", unitId ?? "P001");
        await phone.FillAsync("#device-key", "demo");
        await phone.ClickAsync("#signin-form button[type=submit]");
        await BrowserFixture.Until(phone, "document.getElementById('conn').classList.contains('conn-live')", 30_000);
        await phone.WaitForTimeoutAsync(1500);
        await phone.ScreenshotAsync(new() { Path = Path.Combine(output, "field.png") });
    }
}
