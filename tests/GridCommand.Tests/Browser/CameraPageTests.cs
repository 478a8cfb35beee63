using System.Net.Http.Json;
using System.Text.Json;
using GridCommand.Rules.Geo;
using GridCommand.Tests.Api;
using Microsoft.Playwright;

namespace GridCommand.Tests.Browser;

/// <summary>
/// The camera layer (雪亮) on the screens: a video platform's alarm flashes its camera on the wall (zh and en), the
/// wall draws the cameras in view only zoomed in and never their links, and the console lists the cameras nearest the
/// selected incident with their distance and links opening in a new tab; an alarm is worked in the intake tab like a
/// chat candidate; a file is imported in the camera dialog.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CameraPageTests(BrowserFixture city)
{
    private static async Task AddCamera(HttpClient client, string id, string name, double lat, double lon) =>
        (await client.PostAsJsonAsync("/api/cameras", new
        {
            id, name, lat, lon, streamUrl = $"https://video.example/live/{id}", snapshotUrl = $"https://video.example/snap/{id}.jpg",
        })).EnsureSuccessStatusCode();

    /// <summary>A signed-in page at <paramref name="path"/>, live, with the page errors it will have collected.</summary>
    private async Task<(IBrowserContext Context, IPage Page, List<string> Problems)> Open(string role, string lang, string path)
    {
        var context = await city.Context(role, lang: lang);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        await page.GotoAsync(city.Url(path));
        await BrowserFixture.Until(page, "document.getElementById('conn').classList.contains('conn-live')");
        return (context, page, problems);
    }

    [Theory]
    [InlineData("zh", "区域入侵")]
    [InlineData("en", "Intrusion")]
    public async Task An_alarm_flashes_its_camera_on_the_wall(string lang, string kindLabel)
    {
        var commander = await city.App.StaffClient("commander");
        var cameraId = $"BR-WALL-{lang}";
        await AddCamera(commander, cameraId, $"浏览器测试摄像头{lang}", 32.3901, 119.4102);

        var (context, wall, problems) = await Open("wall", lang, "/wall");
        await using var _ = context;
        await BrowserFixture.Until(wall, "window.gcWall?.cameras !== undefined");

        var platform = await ChatIntakeApp.ConnectorClient(city.App, commander, $"video-{lang}");
        (await platform.PostAsJsonAsync("/api/intake/camera-alarms", new { cameraId, kind = "intrusion" })).EnsureSuccessStatusCode();

        var ring = wall.Locator($".cam-alarm[data-camera='{cameraId}']");
        await Assertions.Expect(ring).ToHaveCountAsync(1);
        await Assertions.Expect(ring.Locator("span")).ToHaveCSSAsync("animation-name", "cam-pulse");
        await ring.HoverAsync(new() { Force = true });
        await Assertions.Expect(wall.Locator(".leaflet-tooltip", new() { HasText = kindLabel })).ToHaveCountAsync(1);
        await BrowserFixture.Shot(wall, $"wall-camera-alarm-{lang}");

        // The whole city shows no cameras; a little closer, each cell's count; zoomed in, the cameras in view, without their links.
        Assert.True(await wall.EvaluateAsync<double>("gcWall.map.getZoom()") < 13);
        Assert.Equal((0, 0), (await wall.EvaluateAsync<int>("gcWall.cameras.cameras.length"), await wall.EvaluateAsync<int>("gcWall.cameras.counts.length")));
        await wall.EvaluateAsync("() => { gcWall.map.setView([32.3901, 119.4102], 14); }");
        await BrowserFixture.Until(wall, "gcWall.cameras.counts.length > 0 && gcWall.cameras.cameras.length === 0");
        await wall.EvaluateAsync("() => { gcWall.map.setView([32.3901, 119.4102], 16); }");
        await BrowserFixture.Until(wall, $"gcWall.cameras.cameras.some(c => c.id === '{cameraId}')");
        Assert.True(await wall.EvaluateAsync<bool>("gcWall.cameras.cameras.every(c => c.streamUrl == null && c.snapshotUrl == null)"));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_wall_opened_during_an_alarm_flashes_it_too()
    {
        var commander = await city.App.StaffClient("commander");
        await AddCamera(commander, "BR-LATE", "开屏前报警的摄像头", 32.3801, 119.4202);
        var platform = await ChatIntakeApp.ConnectorClient(city.App, commander, "video-late");
        (await platform.PostAsJsonAsync("/api/intake/camera-alarms", new { cameraId = "BR-LATE", kind = "fire" })).EnsureSuccessStatusCode();

        var (context, wall, problems) = await Open("wall", "zh", "/wall");
        await using var _ = context;
        await Assertions.Expect(wall.Locator(".cam-alarm[data-camera='BR-LATE']")).ToHaveCountAsync(1);
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("zh", "附近摄像头", "视频", "快照")]
    [InlineData("en", "Nearby cameras", "Stream", "Snapshot")]
    public async Task The_console_lists_the_cameras_nearest_the_selected_incident_with_links(string lang, string heading, string stream, string snapshot)
    {
        var commander = await city.App.StaffClient("commander");
        var (lat, lon) = lang == "zh" ? (32.4102, 119.4503) : (32.3402, 119.3703);
        var cameraId = $"BR-NEAR-{lang}";
        await AddCamera(commander, cameraId, $"最近的摄像头{lang}", lat + 0.0002, lon);
        var incidentId = await city.CreateIncident("theft", 2, lat, lon, "摄像头测试");

        var (context, console, problems) = await Open("dispatcher", lang, "/dispatch");
        await using var _ = context;
        await BrowserFixture.Until(console, $"window.gcDispatch?.incidents.has('{incidentId}')");
        await console.EvaluateAsync($"gcDispatch.select('{incidentId}')");

        var nearby = console.Locator("#cam-nearby");
        await Assertions.Expect(nearby.Locator("h3")).ToHaveTextAsync(heading);
        var first = nearby.Locator("li").First;
        await Assertions.Expect(first).ToHaveAttributeAsync("data-camera", cameraId);
        await Assertions.Expect(first).ToContainTextAsync($"最近的摄像头{lang}");
        await Assertions.Expect(first).ToContainTextAsync(lang == "zh" ? "22米" : "22m");
        var link = first.Locator("a.cam-streamUrl");
        await Assertions.Expect(link).ToHaveTextAsync(stream);
        await Assertions.Expect(link).ToHaveAttributeAsync("href", $"https://video.example/live/{cameraId}");
        await Assertions.Expect(link).ToHaveAttributeAsync("target", "_blank");
        await Assertions.Expect(link).ToHaveAttributeAsync("rel", "noopener noreferrer");
        await Assertions.Expect(first.Locator("a.cam-snapshotUrl")).ToHaveTextAsync(snapshot);
        await BrowserFixture.Shot(console, $"console-nearby-cameras-{lang}");

        // The list belongs to the incident tab.
        await console.ClickAsync("#tab-roster");
        await Assertions.Expect(nearby).ToBeHiddenAsync();
        await console.ClickAsync("#tab-incident");
        await Assertions.Expect(nearby).ToBeVisibleAsync();
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_station_officer_makes_an_incident_of_a_camera_alarm_in_the_intake_tab()
    {
        var commander = await city.App.StaffClient("commander");
        // Not the station's first cell, where the chat intake's test makes a fight incident that this one would repeat.
        var cellIds = (await commander.GetFromJsonAsync<JsonElement>("/api/stations/S01"))!.GetProperty("cellIds");
        var cellId = cellIds[cellIds.GetArrayLength() - 1].GetString()!;
        var centre = city.App.Service<CityGrid>().Find(cellId)!.Centre;
        await AddCamera(commander, "BR-INTAKE", "派出所门口", centre.Lat, centre.Lon);
        var platform = await ChatIntakeApp.ConnectorClient(city.App, commander, "video-intake");
        (await platform.PostAsJsonAsync("/api/intake/camera-alarms", new { cameraId = "BR-INTAKE", kind = "loitering" })).EnsureSuccessStatusCode();

        var (context, console, problems) = await Open("station", "en", "/dispatch");
        await using var _ = context;
        await console.ClickAsync("#tab-intake");
        await console.SelectOptionAsync("#chat-station", "S01");
        var item = console.Locator("#chat-list li.chat-pending", new() { HasText = "Camera BR-INTAKE" });
        await Assertions.Expect(item).ToContainTextAsync("派出所门口");
        await Assertions.Expect(item).ToContainTextAsync("Suspicious person");
        await item.Locator("button[data-act=incident]").ClickAsync();
        var done = console.Locator("#chat-list li.chat-escalated", new() { HasText = "Camera BR-INTAKE" });
        var incidentId = await done.Locator("a[data-incident]").GetAttributeAsync("data-incident");
        var incident = (await commander.GetFromJsonAsync<JsonElement>($"/api/incidents/{incidentId}"))!;
        Assert.Equal(("suspicious-person", "camera", "派出所门口"), (incident.GetProperty("type").GetString(), incident.GetProperty("source").GetString(),
            incident.GetProperty("address").GetString()));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_dispatcher_imports_a_csv_file_in_the_camera_dialog_and_sees_its_counts()
    {
        var (context, console, problems) = await Open("dispatcher", "en", "/dispatch");
        await using var _ = context;
        await console.ClickAsync("#cam-manage");
        await Assertions.Expect(console.Locator("#cam-dialog")).ToBeVisibleAsync();
        var csv = "id,name,lat,lon,streamUrl,snapshotUrl\nBR-IMP-1,导入一,32.39,119.41,https://video.example/1,\nBR-IMP-2,坏,32.39,119.41,javascript:x,\n";
        await console.SetInputFilesAsync("#cam-file", new FilePayload { Name = "cams.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await console.ClickAsync("#cam-import-submit");
        await Assertions.Expect(console.Locator("#cam-result")).ToContainTextAsync("1 added, 0 updated, 1 rejected");
        await Assertions.Expect(console.Locator("#cam-result")).ToContainTextAsync("Line 3");
        var commander = await city.App.StaffClient("commander");
        var camera = (await commander.GetFromJsonAsync<JsonElement>("/api/cameras/BR-IMP-1"))!;
        Assert.Equal("导入一", camera.GetProperty("name").GetString());
        Assert.Empty(problems);
    }
}
