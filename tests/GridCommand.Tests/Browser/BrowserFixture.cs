using System.Net.Http.Json;
using System.Text.Json;
using GridCommand.Tests.Api;
using Microsoft.Playwright;

namespace GridCommand.Tests.Browser;

/// <summary>
/// One small demo city (40 guards, 6 patrols, 4 volunteers, no random incidents) on a loopback port and one headless
/// Chromium, shared by the browser tests. Never runs `playwright install`: it uses the machine's Chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public GridCommandApp App { get; } = new(new Dictionary<string, string?>
    {
        ["Simulation:Enabled"] = "true",
        ["Simulation:Guards"] = "40",
        ["Simulation:PatrolUnits"] = "6",
        ["Simulation:VolunteerTeams"] = "1",
        ["Simulation:Volunteers"] = "4", // V00101 and V00102 are manual: two more move on the wall
        ["Simulation:IncidentsPerMinute"] = "0",
        ["Simulation:ChatMessagesPerMinute"] = "0",
        ["Simulation:CameraAlarmsPerMinute"] = "0",
        ["Simulation:CrewsAnswerTasks"] = "false",
        ["Dispatch:AcceptTimeout"] = "00:05:00",
    });

    /// <summary>The demo units the simulator leaves to a person (Simulation:ManualUnits by default).</summary>
    public static readonly string[] ManualUnits = ["P001", "G00001", "V00101", "V00102"];

    public Uri BaseUrl { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotDir { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        BaseUrl = App.StartOnRealPort();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await LaunchChromium(Playwright);
        // The simulator enrols the demo units in the background: wait until the city is there.
        var client = await App.StaffClient("commander");
        for (var i = 0; i < 100; i++)
        {
            var units = await client.GetFromJsonAsync<JsonElement>("/api/units");
            if (units.GetArrayLength() >= 48 && units.EnumerateArray().Where(u => !ManualUnits.Contains(u.GetProperty("unitId").GetString()))
                    .All(u => u.GetProperty("lat").ValueKind == JsonValueKind.Number)) return;
            await Task.Delay(200);
        }
        throw new TimeoutException("The demo city did not come up.");
    }

    /// <summary>The machine's Chromium (GRIDCOMMAND_CHROMIUM, else /usr/bin/chromium), headless.</summary>
    public static Task<IBrowser> LaunchChromium(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Environment.GetEnvironmentVariable("GRIDCOMMAND_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
        Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync"],
    });

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        Playwright.Dispose();
        App.Dispose();
    }

    public string Url(string path) => new Uri(BaseUrl, path).ToString();

    public async Task<string> StaffToken(string role)
    {
        using var client = App.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { username = role, password = role });
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>An init script that leaves a staff sign-in in the page's localStorage, where /login would have put it.</summary>
    public static string SignedIn(string token, string role)
    {
        var session = JsonSerializer.Serialize(new { token, role, user = role });
        return $"if (!localStorage.getItem('gc.staff')) localStorage.setItem('gc.staff', {JsonSerializer.Serialize(session)});";
    }

    /// <summary>A fresh browser context (own localStorage), optionally as a signed-in staff user, or in a time zone of its own.</summary>
    public async Task<IBrowserContext> Context(string? staffRole = null, int width = 1600, int height = 900, string? lang = null, string? timezoneId = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            TimezoneId = timezoneId,
        });
        context.SetDefaultTimeout(15_000);
        var script = "";
        if (staffRole is not null) script += SignedIn(await StaffToken(staffRole), staffRole);
        if (lang is not null) script += $"if (!localStorage.getItem('gc.lang')) localStorage.setItem('gc.lang', '{lang}');";
        if (script.Length > 0) await context.AddInitScriptAsync(script);
        return context;
    }

    /// <summary>Enrols a test unit (not moved by the simulator), puts it on duty at a place, and returns its device key.</summary>
    public async Task<string> EnrollUnit(string unitId, string kind, double lat, double lon, string? team = null)
    {
        var commander = await App.StaffClient("commander");
        var enrolled = await commander.PutAsJsonAsync($"/api/units/{unitId}", new { kind, name = $"测试{unitId}", stationId = "S01", team });
        enrolled.EnsureSuccessStatusCode();
        var key = (await enrolled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deviceKey").GetString()!;
        var (device, _) = await App.DeviceClient(unitId, key);
        (await device.PutAsJsonAsync($"/api/units/{unitId}/duty", new { onDuty = true })).EnsureSuccessStatusCode();
        await PostPosition(device, unitId, lat, lon);
        return key;
    }

    public static async Task PostPosition(HttpClient device, string unitId, double lat, double lon) =>
        (await device.PostAsJsonAsync($"/api/units/{unitId}/position", new { lat, lon })).EnsureSuccessStatusCode();

    public async Task<string> CreateIncident(string type, int priority, double lat, double lon, string? address = null)
    {
        var dispatcher = await App.StaffClient("dispatcher");
        var created = await dispatcher.PostAsJsonAsync("/api/incidents", new { type, priority, lat, lon, address, description = "浏览器测试" });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, $"{name}.png") });

    /// <summary>
    /// Waits until the page's address satisfies <paramref name="at"/>. Polled, because Playwright's WaitForURL, called after a
    /// navigation it was meant to see has already happened, waits for that page's load state, which a busy machine may
    /// never report in time.
    /// </summary>
    public static async Task UntilAt(IPage page, Func<Uri, bool> at, float timeoutMs = 15_000)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!at(new Uri(page.Url)))
        {
            if (clock.ElapsedMilliseconds > timeoutMs) throw new TimeoutException($"Not there within {timeoutMs} ms: still at {page.Url}");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Polls a page expression until it is true. Evaluated from outside the page, as the pages' policy allows no eval
    /// inside it (Playwright's WaitForFunction compiles its string in the page).
    /// </summary>
    public static async Task Until(IPage page, string expression, float timeoutMs = 15_000)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await IsTrue(page, expression))
        {
            if (clock.ElapsedMilliseconds > timeoutMs) throw new TimeoutException($"Not true within {timeoutMs} ms on {page.Url}: {expression}");
            await Task.Delay(100);
        }
    }

    private static async Task<bool> IsTrue(IPage page, string expression)
    {
        try
        {
            return await page.EvaluateAsync<bool>($"(() => !!({expression}))()");
        }
        catch (PlaywrightException e) when (e.Message.Contains("Execution context was destroyed"))
        {
            return false; // the page is navigating: ask the next one
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
