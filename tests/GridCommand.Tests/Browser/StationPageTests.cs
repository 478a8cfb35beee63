using System.Text;
using GridCommand.Tests.Api;
using Microsoft.Playwright;

namespace GridCommand.Tests.Browser;

/// <summary>The performance scenario's app served on a real port for Chromium.</summary>
public sealed class PerformanceCity : PerformanceApp
{
    public Uri BaseUrl { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        BaseUrl = App.StartOnRealPort();
        await base.InitializeAsync();
    }
}

/// <summary>
/// The station page shows the station's cell, units, queue and figures with the exports, and the wall ranks the
/// stations in turn with today's incidents by type; in Chinese and in English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StationPageTests(BrowserFixture browser, PerformanceCity city) : IClassFixture<PerformanceCity>
{
    private async Task<IPage> SignedIn(string role, string lang, int width = 1400, int height = 850)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height }, AcceptDownloads = true,
        });
        context.SetDefaultTimeout(20_000);
        var client = await city.App.StaffClient(role);
        await context.AddInitScriptAsync(BrowserFixture.SignedIn(SharedApp.TokenOf(client), role) +
                                         $"if (!localStorage.getItem('gc.lang')) localStorage.setItem('gc.lang', '{lang}');");
        return await context.NewPageAsync();
    }

    private async Task<IPage> StationPage(string role, string lang)
    {
        var page = await SignedIn(role, lang);
        await page.GotoAsync(new Uri(city.BaseUrl, $"/station?id={PerformanceApp.StationId}").ToString());
        await page.Locator("#st-total [data-figure='received'] b").WaitForAsync();
        return page;
    }

    private static Task<string?> Figure(IPage page, string key) => page.TextContentAsync($"#st-total [data-figure='{key}'] b");

    [Fact]
    public async Task A_station_officer_sees_the_cell_units_queue_and_figures_then_switches_to_english()
    {
        var page = await StationPage("station", "zh");

        Assert.Equal(PerformanceApp.StationName, await page.TextContentAsync("#st-name"));
        Assert.Equal("4", await Figure(page, "received"));
        Assert.Equal("66.7%", await Figure(page, "closureRate"));
        Assert.Equal("50.0%", await Figure(page, "neighboursFirstRate"));
        Assert.Equal("2", await Figure(page, "checkins"));
        Assert.Contains("办结率", await page.TextContentAsync("#st-total"));
        Assert.Equal(7, await page.Locator("#st-days tr[data-from]").CountAsync());
        Assert.True(await page.Locator("#st-weeks tr[data-from]").CountAsync() is 1 or 2);
        await page.Locator("#st-units li[data-unit-id='PF-G1']").WaitForAsync();
        Assert.Contains("PF-G1 · 保安", await page.TextContentAsync("#st-units li[data-unit-id='PF-G1']"));
        await page.Locator("path.st-cell").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        Assert.Equal(1, await page.Locator("path.st-cell").CountAsync()); // the station's one cell
        Assert.Contains("可用", await page.TextContentAsync("#st-units li[data-unit-id='PF-G1']"));
        await page.EvaluateAsync("document.fonts.ready.then(() => new Promise(r => setTimeout(r, 300))).then(() => document.fonts.ready)");
        await BrowserFixture.Shot(page, "station-zh");

        await page.ClickAsync("#lang-switch");
        Assert.Equal("Performance", await page.TextContentAsync("#st-period h2"));
        Assert.Contains("Closure rate", await page.TextContentAsync("#st-total"));
        Assert.Contains("Guard", await page.TextContentAsync("#st-units li[data-unit-id='PF-G1']"));
        await page.EvaluateAsync("document.fonts.ready.then(() => new Promise(r => setTimeout(r, 300))).then(() => document.fonts.ready)");
        await BrowserFixture.Shot(page, "station-en");
    }

    [Fact]
    public async Task The_export_links_download_the_csv_and_the_workbook_for_the_period_shown()
    {
        var page = await StationPage("dispatcher", "en");
        var today = await page.InputValueAsync("#st-to");
        await page.FillAsync("#st-from", today);
        await page.ClickAsync("#st-period button");
        await BrowserFixture.Until(page, "document.querySelectorAll('#st-days tr[data-from]').length === 1");
        Assert.Equal("4", await Figure(page, "received"));

        var csv = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#st-csv"));
        Assert.Equal($"{PerformanceApp.StationId}-performance-{today}-{today}.csv", csv.SuggestedFilename);
        var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await csv.PathAsync())!));
        Assert.StartsWith("\uFEFFRow,From,To,Received", text);
        Assert.Contains($"total,{today},{today},4,3,0.6667", text);

        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#st-xlsx"));
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename);
        Assert.Equal("PK"u8.ToArray(), (await File.ReadAllBytesAsync((await xlsx.PathAsync())!))[..2]); // a zip: the workbook
    }

    [Fact]
    public async Task The_console_links_to_the_station_page()
    {
        var page = await SignedIn("dispatcher", "zh");
        await page.GotoAsync(new Uri(city.BaseUrl, "/dispatch").ToString());
        Assert.Equal("考评", await page.TextContentAsync("#perf-link"));
        await page.ClickAsync("#perf-link");
        await page.Locator("#st-total [data-figure='received'] b").WaitForAsync();
        Assert.Contains("/station?id=", page.Url);
    }

    [Fact]
    public async Task The_wall_ranks_the_stations_in_turn_with_todays_incidents_by_type_in_both_languages()
    {
        var page = await SignedIn("wall", "zh", 1600, 900);
        await page.GotoAsync(new Uri(city.BaseUrl, "/wall").ToString());
        await page.Locator("#types-panel").WaitForAsync();

        await page.Locator("#perf-panel").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 20_000 });
        Assert.True(await page.Locator("#types-panel").IsHiddenAsync()); // they take turns: the wall stays as full as it was
        var ours = page.Locator($"#perf-rank tr[data-station-id='{PerformanceApp.StationId}']");
        Assert.Equal("1", await ours.Locator("td").First.TextContentAsync());
        Assert.Contains(PerformanceApp.StationName, await ours.TextContentAsync());
        Assert.Contains("66.7%", await ours.TextContentAsync());
        Assert.Contains("警务站考评排名", await page.TextContentAsync("#perf-panel h2"));
        Assert.Contains("办结率", await page.TextContentAsync("#perf-panel thead"));
        var panel = (await page.Locator("#perf-panel").BoundingBoxAsync())!;
        Assert.True(panel.Y + panel.Height <= 900, $"the ranking ends at {panel.Y + panel.Height}px, below the wall's 900");
        await page.EvaluateAsync("document.fonts.ready.then(() => new Promise(r => setTimeout(r, 300))).then(() => document.fonts.ready)");
        await BrowserFixture.Shot(page, "wall-performance");

        await page.ClickAsync("#lang-switch");
        Assert.Contains("Station ranking", await page.TextContentAsync("#perf-panel h2"));
        Assert.Contains("Closure rate", await page.TextContentAsync("#perf-panel thead"));
    }
}
