using System.Text.Json;
using GridCommand.Tests.Api;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GridCommand.Tests.Browser;

[Collection(BigCityCollection.Name)]
public sealed class WallSmoothnessTests(BigCityFixture big, ITestOutputHelper output)
{
    private const double LongFrameMs = 50;
    private static readonly TimeSpan Watching = TimeSpan.FromSeconds(6);

    /// <summary>
    /// Counts, in the page, the frames Chromium reports as long animation frames (over 50 ms from the first task to the
    /// frame drawn), and the longest gap between two animation frames, from <c>gcFrames.reset()</c> on.
    /// </summary>
    private const string FrameMeter = """
        window.gcFrames = { long: [], worstGap: 0, frames: 0, last: 0,
          supported: PerformanceObserver.supportedEntryTypes.includes('long-animation-frame'),
          reset() { this.long = []; this.worstGap = 0; this.frames = 0; this.last = 0; } };
        new PerformanceObserver(list => { for (const e of list.getEntries()) gcFrames.long.push(Math.round(e.duration)); })
          .observe({ type: 'long-animation-frame' });
        requestAnimationFrame(function tick(t) {
          if (gcFrames.last) gcFrames.worstGap = Math.max(gcFrames.worstGap, t - gcFrames.last);
          gcFrames.last = t; gcFrames.frames++;
          requestAnimationFrame(tick);
        });
        """;

    [Fact]
    public async Task The_wall_stays_smooth_while_30000_units_move_zoomed_out_over_the_cells_and_zoomed_in_on_a_district()
    {
        await using var context = await big.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        context.SetDefaultTimeout(30_000);
        await context.AddInitScriptAsync(FrameMeter + BrowserFixture.SignedIn(SharedApp.TokenOf(await big.App.StaffClient("wall")), "wall"));
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(big.BaseUrl, "/wall").ToString());
        Assert.True(await page.EvaluateAsync<bool>("gcFrames.supported"), "this Chromium reports no long animation frames");

        // The whole city in view: the cells' loads, not 30,000 markers.
        await BrowserFixture.Until(page, "window.gcWall && gcWall.cellLoads.size > 1000 && document.body.dataset.view === 'cells' && " +
            "document.getElementById('conn').classList.contains('conn-live')", 30_000);
        await Task.Delay(1000);
        var zoomedOut = await Frames(page, () => Task.Delay(Watching));
        Assert.Equal(0, await page.EvaluateAsync<int>("gcWall.markerCount()"));

        // Zoomed in on a district: the units there, moving. The zoom itself (Leaflet's animation, every cell projected
        // again, the district's units fetched) is reported, not held to the 50 ms of a wall left to itself.
        var zooming = await Frames(page, async () =>
        {
            await page.EvaluateAsync("() => { gcWall.map.setZoom(gcWall.map.getZoom() + 2); }");
            await BrowserFixture.Until(page, "gcWall.view === 'units' && gcWall.markerCount() > 1000", 30_000);
            await Task.Delay(1000);
        });
        var zoomedIn = await Frames(page, () => Task.Delay(Watching));
        var markers = await page.EvaluateAsync<int>("gcWall.markerCount()");
        output.WriteLine($"zoomed out: {zoomedOut}; zooming in: {zooming}; zoomed in on {markers} units: {zoomedIn}");
        await BrowserFixture.Shot(page, "wall-30000-zoomed-in");

        Assert.InRange(markers, 1000, 6000);
        Assert.True(zoomedOut.Frames > 100 && zoomedIn.Frames > 100, $"the page hardly drew: {zoomedOut}; {zoomedIn}");
        Assert.True(zoomedOut.Long.Length == 0, $"long frames zoomed out: {zoomedOut}");
        Assert.True(zoomedIn.Long.Length == 0, $"long frames zoomed in: {zoomedIn}");
    }

    private sealed record FrameCount(int[] Long, double WorstGap, int Frames)
    {
        public override string ToString() => $"{Frames} frames, longest gap {WorstGap:F0} ms, long frames [{string.Join(", ", Long)}] ms";
    }

    private static async Task<FrameCount> Frames(IPage page, Func<Task> during)
    {
        await page.EvaluateAsync("gcFrames.reset()");
        await during();
        var measured = await page.EvaluateAsync<JsonElement>("({ long: gcFrames.long, worstGap: gcFrames.worstGap, frames: gcFrames.frames })");
        return new FrameCount(measured.GetProperty("long").EnumerateArray().Select(e => e.GetInt32()).Where(ms => ms > LongFrameMs).ToArray(),
            measured.GetProperty("worstGap").GetDouble(), measured.GetProperty("frames").GetInt32());
    }
}
