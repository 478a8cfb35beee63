using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GridCommand.Contracts;
using GridCommand.Contracts.Stations;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Stations;
using GridCommand.Silo.Cameras;
using GridCommand.Silo.Storage;
using GridCommand.Tests.Storage;
using Xunit;

namespace GridCommand.Tests.Api;

/// <summary>A station covering the cameras' cell, and a video platform signed in with a connector token.</summary>
public class CameraApp : SharedApp
{
    public const string StationId = "S-cam";
    public GeoPoint Scene { get; } = Areas.Centre(9);
    public string CellId { get; private set; } = "";
    public HttpClient Platform { get; private set; } = null!;
    public HttpClient Station { get; private set; } = null!;
    public HttpClient Wall { get; private set; } = null!;

    public CameraApp() { }

    protected CameraApp(IDictionary<string, string?> settings) : base(settings) { }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        CellId = App.Service<CityGrid>().CellAt(Scene)!.Id;
        await App.Service<IGrainFactory>().GetGrain<IStationGrain>(StationId)
            .Register(new StationRegistration("文昌警务工作站", StationKind.Workstation, Scene.Lat, Scene.Lon, [CellId]));
        await Eventually.Until(() => Commander.Get($"/api/cells/{CellId}"), c => c.GetProperty("stationId").ValueKind == JsonValueKind.String, "the cell knows its station");
        Platform = await ChatIntakeApp.ConnectorClient(App, Commander, "video-1");
        Station = await App.StaffClient("station");
        Wall = await App.StaffClient("wall");
    }
}

/// <summary>The same, on PostgreSQL.</summary>
public sealed class PostgresCameraApp : CameraApp
{
    private static readonly PostgresTestDatabase Db = new();

    public PostgresCameraApp() : base(Settings()) { }

    private static Dictionary<string, string?> Settings()
    {
        Db.InitializeAsync().GetAwaiter().GetResult();
        return ApiKit.SharedSettings(("Storage:Provider", "postgres"), ("Storage:ConnectionString", Db.ConnectionString));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Db.DisposeAsync();
    }
}

public sealed class SqliteCameraApiTests(CameraApp fx) : CameraApiContract(fx), IClassFixture<CameraApp>;

public sealed class PostgresCameraApiTests(PostgresCameraApp fx) : CameraApiContract(fx), IClassFixture<PostgresCameraApp>;

/// <summary>
/// The camera catalogue is imported and listed by box; an alarm from the video platform becomes one candidate in the
/// station's queue at the camera's place, and the officer's click makes a camera incident there.
/// </summary>
public abstract class CameraApiContract(CameraApp fx)
{
    private readonly string prefix = $"T{Guid.NewGuid():N}"[..8];

    private static async Task<JsonElement> Import(HttpClient client, string body, string mediaType, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var content = new StringContent(body, Encoding.UTF8, mediaType);
        return await (await client.PostAsync("/api/cameras/import", content)).Json(expected);
    }

    private string Row(string id, GeoPoint at, string? name = null) =>
        $"{prefix}-{id},{name ?? "文昌路口" + id},{at.Lat},{at.Lon},https://video.example/{id},https://video.example/{id}.jpg";

    [Fact]
    public async Task An_imported_csv_adds_its_good_rows_and_reports_the_bad_ones_and_the_box_lists_them()
    {
        var csv = string.Join("\n", "id,name,lat,lon,streamUrl,snapshotUrl", Row("a", fx.Scene), Row("b", fx.Scene.Offset(200, 0)),
            $"{prefix}-c,坏链接,{fx.Scene.Lat},{fx.Scene.Lon},javascript:alert(1),", Row("far", fx.Scene.Offset(3000, 0)));
        var first = await Import(fx.Commander, csv, "text/csv");
        Assert.Equal((3, 0, 1), (first.GetProperty("added").GetInt32(), first.GetProperty("updated").GetInt32(), first.GetProperty("rejectedCount").GetInt32()));
        Assert.Equal(4, first.GetProperty("rejected")[0].GetProperty("line").GetInt32());
        var again = await Import(fx.Dispatcher, csv, "text/csv");
        Assert.Equal((0, 3), (again.GetProperty("added").GetInt32(), again.GetProperty("updated").GetInt32()));
        var imports = await fx.App.Service<GridDatabase>().Events.ReadAsync(CameraImporter.CatalogueKind, CameraImporter.CatalogueId);
        Assert.Contains(imports, e => e.Event is { What: "camera.imported", Actor: "dispatcher", Data: "added 0 updated 3 rejected 1" });

        var b = $"{fx.Scene.Lat - 0.005},{fx.Scene.Lon - 0.005},{fx.Scene.Lat + 0.005},{fx.Scene.Lon + 0.005}";
        var inBox = (await fx.Dispatcher.Get($"/api/cameras?box={b}")).EnumerateArray().Where(c => c.Id().StartsWith(prefix)).ToList();
        Assert.Equal([$"{prefix}-a", $"{prefix}-b"], inBox.Select(c => c.Id()));
        Assert.Equal(("https://video.example/a", fx.CellId), (inBox[0].Str("streamUrl"), inBox[0].Str("cellId")));

        var page = await fx.Dispatcher.GetAsync($"/api/cameras?box={b}&limit=1");
        Assert.Single((await page.Json(HttpStatusCode.OK)).EnumerateArray());
        Assert.Contains("after=", page.Headers.GetValues("Link").Single());

        var cell = (await fx.Wall.Get("/api/cameras/cells")).EnumerateArray().Single(c => c.Str("cellId") == fx.CellId);
        Assert.True(cell.GetProperty("count").GetInt32() >= 2);
        Assert.InRange(cell.GetProperty("lat").GetDouble(), fx.Scene.Lat - 0.01, fx.Scene.Lat + 0.01);

        var onWall = (await fx.Wall.Get($"/api/cameras?box={b}")).EnumerateArray().First(c => c.Id() == $"{prefix}-a");
        Assert.Equal(JsonValueKind.Null, onWall.GetProperty("streamUrl").ValueKind); // the wall sees where, not the links
        Assert.Equal(JsonValueKind.Null, onWall.GetProperty("snapshotUrl").ValueKind);
    }

    [Fact]
    public async Task A_geojson_import_and_bad_files_and_bad_requests_are_answered_plainly()
    {
        var json = $$$"""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[{{{fx.Scene.Lon}}},{{{fx.Scene.Lat}}}]},"properties":{"id":"{{{prefix}}}-g","name":"东关街"}}]}""";
        Assert.Equal(1, (await Import(fx.Commander, json, "application/geo+json")).GetProperty("added").GetInt32());
        Assert.Contains("FeatureCollection", (await Import(fx.Commander, "{}", "application/json", HttpStatusCode.BadRequest)).Str("detail"));
        Assert.Contains("'name'", (await Import(fx.Commander, "id,lat,lon\n1,2,3", "text/csv", HttpStatusCode.BadRequest)).Str("detail"));
        await Import(fx.Station, "id,name,lat,lon", "text/csv", HttpStatusCode.Forbidden);

        foreach (var box in new[] { "1,2,3", "a,b,c,d", "33,119,32,120" })
            await (await fx.Dispatcher.GetAsync($"/api/cameras?box={box}")).Problem(HttpStatusCode.BadRequest);
        await (await fx.Dispatcher.GetAsync("/api/cameras?bbox=1")).Problem(HttpStatusCode.BadRequest);
        await (await fx.Commander.PostAsync("/api/cameras", ApiKit.Body(new { name = "x", lat = fx.Scene.Lat, lon = fx.Scene.Lon, streamUrl = "ftp://x" })))
            .Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_camera_added_in_the_console_can_be_edited_deleted_and_is_among_an_incidents_nearby_cameras()
    {
        var at = fx.Scene.Offset(1200, 180);
        var added = await fx.Dispatcher.Send(HttpMethod.Post, "/api/cameras",
            new { id = $"{prefix}-n", name = "南门", lat = at.Lat, lon = at.Lon, snapshotUrl = "https://video.example/n.jpg" }, HttpStatusCode.Created);
        await fx.Dispatcher.Send(HttpMethod.Post, "/api/cameras", new { id = $"{prefix}-n", name = "again", lat = at.Lat, lon = at.Lon }, HttpStatusCode.Conflict);
        var far = at.Offset(1500, 180);
        await fx.Dispatcher.Send(HttpMethod.Post, "/api/cameras", new { id = $"{prefix}-f", name = "远", lat = far.Lat, lon = far.Lon }, HttpStatusCode.Created);
        var edited = await fx.Dispatcher.Send(HttpMethod.Put, $"/api/cameras/{added.Id()}",
            new { name = "南门东", lat = at.Lat, lon = at.Lon, streamUrl = "http://video.example/n" }, HttpStatusCode.OK);
        Assert.Equal(("南门东", "http://video.example/n"), (edited.Str("name"), edited.Str("streamUrl")));

        var incident = await fx.Dispatcher.CreateIncident("theft", at.Offset(100, 0));
        var nearby = (await fx.Dispatcher.Get($"/api/incidents/{incident.Id()}/cameras")).EnumerateArray().ToList();
        var first = nearby.First();
        Assert.Equal($"{prefix}-n", first.Id());
        Assert.InRange(first.GetProperty("meters").GetDouble(), 95, 105);
        Assert.DoesNotContain(nearby, c => c.Id() == $"{prefix}-f");
        var byPlace = await fx.Dispatcher.Get($"/api/cameras/nearest?lat={at.Lat}&lon={at.Lon}&limit=1");
        Assert.Equal($"{prefix}-n", Assert.Single(byPlace.EnumerateArray()).Id());
        await (await fx.Dispatcher.GetAsync($"/api/cameras/nearest?lat={at.Lat}")).Problem(HttpStatusCode.BadRequest);
        await (await fx.Dispatcher.GetAsync("/api/incidents/NOPE/cameras")).Problem(HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NoContent, (await fx.Dispatcher.DeleteAsync($"/api/cameras/{added.Id()}")).StatusCode);
        await (await fx.Dispatcher.GetAsync($"/api/cameras/{added.Id()}")).Problem(HttpStatusCode.NotFound);
        var log = await fx.App.Service<GridDatabase>().Events.ReadAsync(GrainKinds.Camera, added.Id());
        Assert.Equal(["camera.added", "camera.updated", "camera.deleted"], log.Select(e => e.Event.What));
        Assert.All(log, e => Assert.Equal("dispatcher", e.Event.Actor));
    }

    [Fact]
    public async Task Alarms_of_one_camera_are_one_candidate_in_the_covering_stations_queue_and_one_click_makes_a_camera_incident_there()
    {
        var at = fx.Scene.Offset(150, 45);
        await Import(fx.Commander, "id,name,lat,lon\n" + $"{prefix}-k,文昌阁 {prefix},{at.Lat},{at.Lon}", "text/csv");

        var first = await fx.Platform.Send(HttpMethod.Post, "/api/intake/camera-alarms", new { cameraId = $"{prefix}-k", kind = "intrusion" }, HttpStatusCode.Accepted);
        var second = await fx.Platform.Send(HttpMethod.Post, "/api/intake/camera-alarms",
            new { cameraId = $"{prefix}-k", kind = "Fight", at = DateTimeOffset.UtcNow }, HttpStatusCode.Accepted);
        Assert.Equal((CameraApp.StationId, fx.CellId), (first.Str("stationId"), first.Str("cellId")));
        Assert.Equal(first.Str("candidateId"), second.Str("candidateId"));
        Assert.Equal(2, second.GetProperty("reports").GetInt32());

        await Eventually.Until(() => fx.Wall.Get("/api/cameras/alarms"), a => a.EnumerateArray().Count(x => x.Str("cameraId") == $"{prefix}-k") == 2,
            "both alarms flashing on the walls");
        var candidate = (await fx.Station.Get($"/api/stations/{CameraApp.StationId}/intake")).EnumerateArray().Single(c => c.Id() == first.Str("candidateId"));
        Assert.Equal(($"{prefix}-k", "fight", "pending"), (candidate.Str("cameraId"), candidate.Str("type"), candidate.Str("status")));
        Assert.Equal(at.Lat, candidate.GetProperty("lat").GetDouble(), 6);

        var escalated = await fx.Station.Send(HttpMethod.Post, $"/api/intake/{candidate.Id()}/incident", null, HttpStatusCode.OK);
        var incident = await fx.Dispatcher.Get($"/api/incidents/{escalated.Str("incidentId")}");
        Assert.Equal(("fight", "camera", 1), (incident.Str("type"), incident.Str("source"), incident.GetProperty("priority").GetInt32()));
        Assert.Equal(at.Lat, incident.GetProperty("lat").GetDouble(), 6);
        Assert.Equal($"文昌阁 {prefix}", incident.Str("address"));
    }

    [Fact]
    public async Task A_bad_alarm_is_refused_and_only_a_connector_may_post_one()
    {
        await Import(fx.Commander, "id,name,lat,lon\n" + $"{prefix}-z,门,{fx.Scene.Lat},{fx.Scene.Lon}", "text/csv");
        async Task Refused(object body, HttpStatusCode status, string? words = null)
        {
            var problem = await (await fx.Platform.PostAsync("/api/intake/camera-alarms", ApiKit.Body(body))).Problem(status);
            if (words is not null) Assert.Contains(words, problem.Str("detail"));
        }
        await Refused(new { cameraId = $"{prefix}-none", kind = "fire" }, HttpStatusCode.NotFound);
        await Refused(new { cameraId = $"{prefix}-z", kind = "ufo" }, HttpStatusCode.BadRequest, "intrusion");
        await Refused(new { cameraId = "bad id", kind = "fire" }, HttpStatusCode.BadRequest, "cameraId");
        await Refused(new { cameraId = $"{prefix}-z", kind = "fire", at = DateTimeOffset.UtcNow.AddHours(1) }, HttpStatusCode.BadRequest, "future");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await fx.Dispatcher.PostAsync("/api/intake/camera-alarms", ApiKit.Body(new { cameraId = $"{prefix}-z", kind = "fire" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fx.Platform.GetAsync("/api/cameras")).StatusCode);
    }
}
