using GridCommand.Rules.Geo;
using Microsoft.Playwright;

namespace GridCommand.Tests.Browser;

/// <summary>The wall's 1-3-5 minute coverage layer and shares, and the rapid-response points on the wall and the console, in both languages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CoveragePageTests(BrowserFixture city)
{
    private const string Green = "#16a34a", Red = "#dc2626";

    [Fact]
    public async Task The_wall_shades_cells_by_coverage_shows_the_shares_and_the_rapid_response_points_in_Chinese_and_English()
    {
        await using var context = await city.Context("wall", width: 1920, height: 1080);
        var page = await context.NewPageAsync();
        await page.GotoAsync(city.Url("/wall"));
        await BrowserFixture.Until(page, "window.gcWall && document.getElementById('conn').classList.contains('conn-live')");

        // Chinese by default: the panel and its toggle; the layer starts hidden and shows at a click.
        Assert.Equal("1-3-5分钟快速反应覆盖", await page.TextContentAsync("#coverage-panel h2 span"));
        Assert.Equal("显示覆盖", await page.TextContentAsync("#cov-toggle"));
        await page.ClickAsync("#cov-toggle");
        Assert.Equal("on", await page.EvaluateAsync<string>("document.body.dataset.coverage"));
        Assert.Equal("隐藏覆盖", await page.TextContentAsync("#cov-toggle"));

        // A car put on a cell's centre covers it at 0 s: the cell turns green; cells nobody reaches stay red.
        var cell = city.App.Service<CityGrid>().CellAt(new GeoPoint(32.44, 119.36))!;
        await city.EnrollUnit("TC1", "patrol-car", cell.Centre.Lat, cell.Centre.Lon);
        await BrowserFixture.Until(page, $"(c => c && c.etaSeconds === 0 && c.unitId === 'TC1')(gcWall.coverage.etaOf('{cell.Id}'))");
        Assert.Equal(Green, await page.EvaluateAsync<string>($"gcWall.coverage.colourOf('{cell.Id}')"));
        var uncovered = await page.EvaluateAsync<string>("[...gcWall.cells.keys()].find(id => !gcWall.coverage.etaOf(id))");
        Assert.Equal(Red, await page.EvaluateAsync<string>($"gcWall.coverage.colourOf('{uncovered}')"));

        // The shares shown are those of the cells the wall was sent, and the car's cells count in them.
        await BrowserFixture.Until(page,
            "document.getElementById('cov-5').textContent === (gcWall.coverage.shares()[5] * 100).toFixed(1) + '%' && gcWall.coverage.shares()[5] > 0");
        var shown5 = double.Parse((await page.TextContentAsync("#cov-5"))!.TrimEnd('%'));
        var shown1 = double.Parse((await page.TextContentAsync("#cov-1"))!.TrimEnd('%'));
        Assert.True(shown1 > 0 && shown1 <= shown5, $"within 1 min {shown1}%, within 5 min {shown5}%");
        await BrowserFixture.Shot(page, "wall-coverage-zh");

        // The demo city's points (one per guard post of this small city), each with its holders.
        await BrowserFixture.Until(page, "Number(document.body.dataset.rapidPoints) >= 1");
        await page.EvaluateAsync("() => { [...gcWall.rapidPoints.markers.values()][0].marker.openTooltip(); }");
        var tip = await page.Locator(".leaflet-tooltip").Last.TextContentAsync();
        Assert.Contains("快速反应点", tip);
        Assert.Contains("驻守力量", tip);

        // English: the same panel and legend and the open tooltip; the layer stays as it was.
        await page.ClickAsync("#lang-switch");
        Assert.Equal("1-3-5 minute coverage", await page.TextContentAsync("#coverage-panel h2 span"));
        Assert.Equal("Hide coverage", await page.TextContentAsync("#cov-toggle"));
        Assert.Contains("not within 5 min", await page.TextContentAsync("#cov-legend"));
        Assert.Equal("cells uncovered", await page.TextContentAsync(".cov-row .uncovered span"));
        Assert.Contains("units hold it", await page.Locator(".leaflet-tooltip").Last.TextContentAsync());
        await BrowserFixture.Shot(page, "wall-coverage-en");

        await page.ClickAsync("#cov-toggle");
        Assert.Equal("off", await page.EvaluateAsync<string>("document.body.dataset.coverage"));
    }

    [Fact]
    public async Task The_dispatcher_console_shows_the_rapid_response_points()
    {
        await using var context = await city.Context("dispatcher", lang: "en");
        var page = await context.NewPageAsync();
        await page.GotoAsync(city.Url("/dispatch"));
        await BrowserFixture.Until(page, "Number(document.body.dataset.rapidPoints) >= 1");
        Assert.True(await page.Locator(".rrp-icon").CountAsync() >= 1);
        await page.Locator(".rrp-icon").First.HoverAsync(new LocatorHoverOptions { Force = true });
        await BrowserFixture.Until(page, "[...document.querySelectorAll('.leaflet-tooltip')].some(t => t.textContent.includes('Rapid-response point'))");
    }
}
