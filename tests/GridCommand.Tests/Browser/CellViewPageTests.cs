using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using GridCommand.Rules.Geo;
using Microsoft.Playwright;

namespace GridCommand.Tests.Browser;

/// <summary>The cell view (全息图) on the pages: a click on a cell opens what the grid knows of it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CellViewPageTests(BrowserFixture city)
{
    private const double Lat = 32.372, Lon = 119.468;

    [Fact]
    public async Task A_click_on_the_wall_opens_the_cell_with_its_grid_worker_units_and_incidents_in_both_languages()
    {
        await city.EnrollUnit("TCV1", "guard", Lat, Lon);
        var incident = await city.CreateIncident("fight", 1, Lat + 0.0003, Lon);
        var worker = await GridWorkerOf(city.App.Service<CityGrid>().CellAt(new GeoPoint(Lat, Lon))!.Id);
        await using var context = await city.Context("wall", lang: "zh");
        var page = await context.NewPageAsync();
        await page.GotoAsync(city.Url("/wall"));
        await BrowserFixture.Until(page, "document.getElementById('conn').classList.contains('conn-live')");

        await ClickMapAt(page, "gcWall", Lat, Lon);

        var popup = page.Locator(".cell-view");
        await Assertions.Expect(popup.Locator(".cv-units")).ToContainTextAsync("测试TCV1");
        await Assertions.Expect(popup.Locator($".cv-open li[data-incident='{incident}']")).ToContainTextAsync("打架斗殴");
        await Assertions.Expect(popup.Locator(".cv-worker")).ToHaveTextAsync(worker.GetProperty("name").GetString()!);
        Assert.Equal(0, await popup.Locator(".cv-phone").CountAsync()); // a wall in a public room shows no phone numbers
        await Assertions.Expect(popup).ToContainTextAsync("网格员");
        await BrowserFixture.Shot(page, "cell-view-wall-zh");

        await page.ClickAsync("#lang-switch");
        await Assertions.Expect(popup).ToContainTextAsync("Grid worker");
        await Assertions.Expect(popup.Locator(".cv-open")).ToContainTextAsync("Fight");
        await Assertions.Expect(popup.Locator(".cv-units")).ToContainTextAsync("Guard");
        await BrowserFixture.Shot(page, "cell-view-wall-en");
    }

    [Fact]
    public async Task A_click_on_the_console_map_opens_the_cell_view_with_the_grid_workers_phone_and_the_new_incident_form()
    {
        var worker = await GridWorkerOf(city.App.Service<CityGrid>().CellAt(new GeoPoint(Lat, Lon))!.Id);
        await using var context = await city.Context("dispatcher");
        var page = await context.NewPageAsync();
        await page.GotoAsync(city.Url("/dispatch"));
        await BrowserFixture.Until(page, "document.getElementById('conn').classList.contains('conn-live')");

        await ClickMapAt(page, "gcDispatch", Lat, Lon);

        await Assertions.Expect(page.Locator(".cell-view .cv-phone")).ToHaveTextAsync(worker.GetProperty("phone").GetString()!);
        await Assertions.Expect(page.Locator("#create")).ToBeVisibleAsync();
        Assert.Equal(Lat, double.Parse(await page.InputValueAsync("#c-lat"), CultureInfo.InvariantCulture), 3);
    }

    [Fact]
    public async Task The_cell_of_a_rapid_response_point_lists_it_and_says_how_fast_the_cell_is_reached()
    {
        using var commander = await city.App.StaffClient("commander");
        var point = (await commander.GetFromJsonAsync<JsonElement>("/api/rapid-response-points")).EnumerateArray().First();
        // Clicked at its cell's centre: a click on the point's own marker opens the marker's tooltip instead.
        var centre = city.App.Service<CityGrid>().CellAt(new GeoPoint(point.GetProperty("lat").GetDouble(), point.GetProperty("lon").GetDouble()))!.Centre;
        var (lat, lon) = (centre.Lat, centre.Lon);
        await using var context = await city.Context("dispatcher", lang: "en");
        var page = await context.NewPageAsync();
        await page.GotoAsync(city.Url("/dispatch"));
        await BrowserFixture.Until(page, "document.getElementById('conn').classList.contains('conn-live')");

        await ClickMapAt(page, "gcDispatch", lat, lon);

        var popup = page.Locator(".cell-view");
        await Assertions.Expect(popup.Locator($".cv-points li[data-point='{point.GetProperty("id").GetString()}']"))
            .ToContainTextAsync("Rapid-response point");
        // The demo's units are on duty around their posts: the point's cell is reached, and the card says how fast.
        await Assertions.Expect(popup.Locator(".cv-coverage")).ToContainTextAsync("fastest");
    }

    /// <summary>The demo city's grid worker of the cell, as the API tells a commander.</summary>
    private async Task<JsonElement> GridWorkerOf(string cellId)
    {
        using var commander = await city.App.StaffClient("commander");
        return (await commander.GetFromJsonAsync<JsonElement>($"/api/cells/{cellId}/view")).GetProperty("gridWorker");
    }

    /// <summary>A real mouse click on the page's map where the point is drawn.</summary>
    private static async Task ClickMapAt(IPage page, string pageObject, double lat, double lon)
    {
        var box = (await page.Locator("#map").BoundingBoxAsync())!;
        var xy = await page.EvaluateAsync<double[]>(
            $"(() => {{ const m = {pageObject}.map; m.setView([{lat}, {lon}], 16, {{ animate: false }}); const p = m.latLngToContainerPoint([{lat}, {lon}]); return [p.x, p.y]; }})()");
        await page.Mouse.ClickAsync((float)(box.X + xy[0]), (float)(box.Y + xy[1]));
    }
}
