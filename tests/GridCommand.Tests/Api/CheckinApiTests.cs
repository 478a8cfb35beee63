using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GridCommand.Contracts.Stations;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Stations;
using GridCommand.Silo.Storage;

namespace GridCommand.Tests.Api;

public sealed class SqliteCheckinApiTests(SharedApp shared) : CheckinApiContract(shared.App, shared.Commander), IClassFixture<SharedApp>;

public sealed class PostgresCheckinApiTests(PostgresApp fx) : CheckinApiContract(fx.App, fx.Commander), IClassFixture<PostgresApp>;

/// <summary>
/// Field check-ins (微警通打卡) through the API, on each database: a unit's phone checks in, and the cell view, the
/// cell's history, the map's list and the event log (by station) show it; photos go to staff only; bad input is a 400.
/// </summary>
public abstract class CheckinApiContract(GridCommandApp app, HttpClient commander)
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 2, 3, 4, 5];
    private readonly string prefix = $"k{Guid.NewGuid():N}"[..8];

    private string CellAt(GeoPoint p) => app.Service<CityGrid>().CellAt(p)!.Id;

    [Fact]
    public async Task A_guards_check_in_shows_in_the_cell_view_its_history_the_map_list_and_the_event_log_by_station()
    {
        var place = Areas.Centre(11);
        var cellId = CellAt(place);
        var station = $"S-{prefix}";
        await app.Service<IGrainFactory>().GetGrain<IStationGrain>(station)
            .Register(new StationRegistration("东关街警务室", StationKind.PoliceRoom, place.Lat, place.Lon, [cellId]));
        var phone = await Enrol("guard", station);

        var made = await phone.Send(HttpMethod.Post, "/api/checkins",
            new { category = "inspection", note = "  消防通道畅通  ", lat = place.Lat, lon = place.Lon }, HttpStatusCode.Created);
        var id = made.Id();
        Assert.Equal((cellId, station, "inspection", "消防通道畅通"), (made.Str("cellId"), made.Str("stationId"), made.Str("category"), made.Str("note")));

        var view = await commander.Get($"/api/cells/{cellId}/view");
        var listed = Assert.Single(view.GetProperty("checkins").EnumerateArray(), c => c.Id() == id);
        Assert.Equal(($"{prefix}-guard", "guard", "消防通道畅通"), (listed.Str("unitId"), listed.Str("unitKind"), listed.Str("note")));
        Assert.Contains(id, (await commander.Get($"/api/cells/{cellId}/checkins")).EnumerateArray().Select(c => c.Id()));
        Assert.Contains(id, (await commander.Get("/api/checkins")).EnumerateArray().Select(c => c.Id()));

        var logged = Assert.Single(await app.Service<GridDatabase>().Events.ReadAsync("cell", cellId), e => e.Event.What == "checkin.recorded"
            && e.Event.Data!.Contains(id));
        var data = JsonDocument.Parse(logged.Event.Data!).RootElement;
        Assert.Equal((station, "inspection", $"{prefix}-guard"), (data.Str("stationId"), data.Str("category"), logged.Event.Actor));
    }

    [Fact]
    public async Task A_photo_sent_with_the_check_in_is_kept_and_shown_to_staff_but_not_to_the_wall_or_phones()
    {
        var place = Areas.Centre(12);
        var phone = await Enrol("car");
        var made = await (await phone.PostAsync("/api/checkins", Form("patrol-stop", place, Jpeg, "image/jpeg"))).Json(HttpStatusCode.Created);
        Assert.Equal("image/jpeg", made.Str("photoType"));

        var photo = await commander.GetAsync($"/api/checkins/{made.Id()}/photo");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Jpeg, await photo.Content.ReadAsByteArrayAsync());

        using var wall = await app.StaffClient("wall");
        Assert.Equal(HttpStatusCode.Forbidden, (await wall.GetAsync($"/api/checkins/{made.Id()}/photo")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await phone.GetAsync($"/api/checkins/{made.Id()}/photo")).StatusCode);
        await commander.GetAsync($"/api/checkins/{prefix}-none/photo").ContinueWith(r => Assert.Equal(HttpStatusCode.NotFound, r.Result.StatusCode));
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_or_too_large_is_refused_and_nothing_is_recorded()
    {
        var place = Areas.Centre(13);
        var cellId = CellAt(place);
        var phone = await Enrol("foot");

        var page = "<html><script>alert(1)</script></html>"u8.ToArray(); // claims to be a JPEG
        var refused = await (await phone.PostAsync("/api/checkins", Form("visit", place, page, "image/jpeg"))).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("JPEG, PNG or WebP", refused.GetProperty("detail").GetString());

        var big = new byte[CheckinsLimit + 1];
        Jpeg.CopyTo(big, 0);
        await (await phone.PostAsync("/api/checkins", Form("visit", place, big, "image/jpeg"))).Problem(HttpStatusCode.RequestEntityTooLarge);
        var huge = new byte[3 * CheckinsLimit]; // refused by its length, before it is read
        Jpeg.CopyTo(huge, 0);
        await (await phone.PostAsync("/api/checkins", Form("visit", place, huge, "image/jpeg"))).Problem(HttpStatusCode.RequestEntityTooLarge);

        Assert.DoesNotContain((await commander.Get($"/api/cells/{cellId}/view")).GetProperty("checkins").EnumerateArray(),
            c => c.Str("unitId") == $"{prefix}-foot");
    }

    [Fact]
    public async Task Bad_check_ins_and_bad_list_requests_are_400s_naming_the_field_and_only_devices_check_in()
    {
        var place = Areas.Centre(14);
        var phone = await Enrol("bike");
        async Task Refused(object body, string says) =>
            Assert.Contains(says, (await (await phone.PostAsync("/api/checkins", ApiKit.Body(body))).Problem(HttpStatusCode.BadRequest))
                .GetProperty("detail").GetString());

        await Refused(new { category = "coffee", lat = place.Lat, lon = place.Lon }, "category must be one of patrol-stop, visit, inspection");
        await Refused(new { category = "visit" }, "lat and lon are required");
        await Refused(new { category = "visit", lat = 10.0, lon = 10.0 }, "outside the city");
        await Refused(new { category = "visit", lat = place.Lat, lon = place.Lon, note = "a\u0000b" }, "note must not contain control characters");
        await Refused(new { category = "visit", lat = place.Lat, lon = place.Lon, note = new string('长', 501) }, "note is longer than 500");
        await Refused(new { category = "visit", lat = place.Lat, lon = place.Lon, at = DateTimeOffset.UtcNow.AddHours(1) }, "at is in the future");
        await (await phone.PostAsync("/api/checkins", new StringContent("{not json", null, "application/json"))).Problem(HttpStatusCode.BadRequest);
        var broken = new StringContent("--x\r\nbroken");
        broken.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=y");
        await (await phone.PostAsync("/api/checkins", broken)).Problem(HttpStatusCode.BadRequest);
        var multipartLat = new MultipartFormDataContent { { new StringContent("visit"), "category" }, { new StringContent("north"), "lat" } };
        Assert.Contains("lat must be a number", (await (await phone.PostAsync("/api/checkins", multipartLat)).Problem(HttpStatusCode.BadRequest))
            .GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await commander.PostAsync("/api/checkins",
            ApiKit.Body(new { category = "visit", lat = place.Lat, lon = place.Lon }))).StatusCode);
        var cellId = CellAt(place);
        await (await commander.GetAsync($"/api/cells/{cellId}/checkins?after=K-nowhere")).Problem(HttpStatusCode.BadRequest);
        await (await commander.GetAsync($"/api/cells/{cellId}/checkins?limit=0")).Problem(HttpStatusCode.BadRequest);
        await (await commander.GetAsync("/api/checkins?since=yesterday")).Problem(HttpStatusCode.BadRequest);
        await (await commander.GetAsync("/api/cells/C99999-1/checkins")).Problem(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await phone.GetAsync($"/api/cells/{cellId}/checkins")).StatusCode);
    }

    [Fact]
    public async Task A_cells_history_pages_newest_first_and_the_wall_sees_check_ins_without_their_notes()
    {
        var place = Areas.Centre(15);
        var cellId = CellAt(place);
        var phone = await Enrol("guard");
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await phone.Send(HttpMethod.Post, "/api/checkins", new
            {
                category = "patrol-stop", note = $"第{i}站", lat = place.Lat, lon = place.Lon, at = DateTimeOffset.UtcNow.AddMinutes(i - 10),
            }, HttpStatusCode.Created)).Id());
        }

        var first = await commander.GetAsync($"/api/cells/{cellId}/checkins?limit=2");
        var page = await first.Json(HttpStatusCode.OK);
        Assert.Equal([ids[2], ids[1]], page.EnumerateArray().Select(c => c.Id()));
        var next = first.Headers.GetValues("Link").Single();
        Assert.Contains($"after={ids[1]}", next);
        var second = await commander.Get(next[1..next.IndexOf('>')]);
        Assert.Equal([ids[0]], second.EnumerateArray().Select(c => c.Id()));

        using var wall = await app.StaffClient("wall");
        var seen = (await wall.Get($"/api/cells/{cellId}/view")).GetProperty("checkins").EnumerateArray().ToList();
        Assert.Equal(ids.AsEnumerable().Reverse(), seen.Select(c => c.Id()));
        Assert.All(seen, c => Assert.Equal(JsonValueKind.Null, c.GetProperty("note").ValueKind));
        Assert.Equal(HttpStatusCode.Forbidden, (await wall.GetAsync("/api/checkins")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_takes_a_check_in_as_json_or_as_a_form_with_a_photo()
    {
        var body = (await app.CreateClient().Get("/openapi/v1.json")).GetProperty("paths").GetProperty("/api/checkins").GetProperty("post")
            .GetProperty("requestBody").GetProperty("content");
        Assert.True(body.TryGetProperty("application/json", out _) && body.TryGetProperty("multipart/form-data", out _), body.GetRawText());
    }

    private const long CheckinsLimit = GridCommand.Web.Apis.CheckinsApi.DefaultMaxPhotoBytes;

    private async Task<HttpClient> Enrol(string kind, string? stationId = null)
    {
        var unitId = $"{prefix}-{kind}";
        var wire = kind switch { "car" => "patrol-car", "foot" => "foot-patrol", "bike" => "patrol-bike", _ => kind };
        var enrolled = await commander.Send(HttpMethod.Put, $"/api/units/{unitId}", new { kind = wire, name = $"打卡 {unitId}", stationId }, HttpStatusCode.OK);
        return (await app.DeviceClient(unitId, enrolled.GetProperty("deviceKey").GetString()!)).Client;
    }

    private static MultipartFormDataContent Form(string category, GeoPoint at, byte[] photo, string type)
    {
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent
        {
            { new StringContent(category), "category" },
            { new StringContent(at.Lat.ToString(System.Globalization.CultureInfo.InvariantCulture)), "lat" },
            { new StringContent(at.Lon.ToString(System.Globalization.CultureInfo.InvariantCulture)), "lon" },
            { file, "photo", "photo.jpg" },
        };
    }
}
