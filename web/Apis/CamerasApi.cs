using System.Security.Claims;
using GridCommand.Contracts;
using GridCommand.Contracts.Cameras;
using GridCommand.Contracts.Incidents;
using GridCommand.Grains.Storage;
using GridCommand.Rules;
using GridCommand.Rules.Cameras;
using GridCommand.Rules.Geo;
using GridCommand.Silo.Cameras;
using GridCommand.Silo.Storage;
using GridCommand.Web.Auth;
using GridCommand.Web.Live;

namespace GridCommand.Web.Apis;

/// <summary>
/// The camera layer (雪亮): the catalogue (a table, imported from CSV or GeoJSON or edited in the console), the cameras
/// near an incident with their stream and snapshot links, and the video platform's alarms, which go to the queue of
/// the station covering the camera. The wall sees where cameras are and their alarms, never their links or owners.
/// </summary>
public static class CamerasApi
{
    /// <summary>How late an alarm may arrive, and how far ahead a platform's clock may run.</summary>
    private static readonly TimeSpan OldestAlarm = TimeSpan.FromDays(1), FutureTolerance = TimeSpan.FromMinutes(1);
    private const int MaxNearby = 50;
    private const double MaxNearbyMeters = 5000;

    public static IEndpointRouteBuilder MapCamerasApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cameras").WithTags("Cameras");
        api.MapGet("", List).RequireAuthorization(Roles.Policies.WallScreen).Produces<List<Camera>>()
            .WithDescription("The cameras in id order, each with its id, name, lat, lon, cellId, kind, owner, streamUrl and snapshotUrl (a wall " +
                             "sign-in gets no owner and no links); `box=south,west,north,east` keeps those inside the box. " + Paging.Description);
        api.MapGet("/cells", CellCounts)
            .RequireAuthorization(Roles.Policies.WallScreen).Produces<List<CellCameras>>()
            .WithDescription("How many cameras each grid cell holds, at the cell's centre (cells with none left out): the map's layer zoomed out.");
        api.MapGet("/alarms", (LiveCameraAlarms alarms) => Results.Ok(alarms.Flashing()))
            .RequireAuthorization(Roles.Policies.WallScreen).Produces<List<CameraAlarmView>>()
            .WithDescription("The cameras' alarms of the last two minutes, oldest first: what a wall that just connected flashes (then the wall hub's cameraAlarm).");
        api.MapGet("/nearest", Nearest).RequireAuthorization(Roles.Policies.Staff).Produces<List<NearbyCameraView>>()
            .WithDescription("The cameras nearest (lat, lon), closest first, with their distance in metres: at most `limit` (Cameras:NearbyCount, 5) " +
                             "within `within` metres (Cameras:NearbyMeters, 1000).");
        api.MapGet("/{id}", async (string id, ClaimsPrincipal user, GridDatabase database, CancellationToken ct) =>
                await database.Cameras.FindAsync(id, ct) is { } camera ? Results.Ok(ForUser(camera, user)) : NoCamera(id))
            .RequireAuthorization(Roles.Policies.WallScreen).Produces<Camera>();
        api.MapPost("", Add).RequireAuthorization(Roles.Policies.Dispatch).Produces<Camera>(StatusCodes.Status201Created)
            .WithDescription("Adds a camera {id?, name, lat, lon, kind?, owner?, streamUrl?, snapshotUrl?} (links http or https only); an id left " +
                             "out is made from the name and place. 409 when the id is taken.");
        api.MapPut("/{id}", Edit).RequireAuthorization(Roles.Policies.Dispatch).Produces<Camera>()
            .WithDescription("Replaces a camera's record (the same fields as adding one); 404 for no such camera.");
        api.MapDelete("/{id}", Delete)
            .RequireAuthorization(Roles.Policies.Dispatch).WithDescription("Removes a camera from the catalogue.");
        api.MapPost("/import", Import).RequireAuthorization(Roles.Policies.Dispatch)
            .Accepts<string>("text/csv", "application/geo+json", "application/json", "multipart/form-data")
            .Produces<CameraImportResult>()
            .WithDescription("Imports a CSV file (header: id,name,lat,lon,streamUrl,snapshotUrl, also kind, owner; name, lat, lon required) or a " +
                             "GeoJSON FeatureCollection of Point features with those properties, as the body or a multipart file, chosen by " +
                             "Content-Type or file extension, UTF-8, at most Cameras:MaxImportBytes (413 beyond). Cameras are added or updated by id; " +
                             "bad rows are refused with their line (the feature's number in GeoJSON) and reason, and do not stop the others: " +
                             "{added, updated, rejectedCount, rejected: [{line, reason}]}. A file that is neither CSV with the columns nor GeoJSON is a 400.");

        app.MapGet("/api/incidents/{id}/cameras", async (string id, IGrainFactory grains, GridDatabase database, CameraSettings settings, CancellationToken ct) =>
                await grains.GetGrain<IIncidentGrain>(id).Get() is { } incident
                    ? Results.Ok(await NearbyViews(database, new GeoPoint(incident.Lat, incident.Lon), settings.NearbyCount, settings.NearbyMeters, ct))
                    : Problems.NotFound($"No incident {id}."))
            .RequireAuthorization(Roles.Policies.Staff).WithTags("Cameras").Produces<List<NearbyCameraView>>()
            .WithDescription("The cameras nearest the incident (附近摄像头): Cameras:NearbyCount (5) within Cameras:NearbyMeters (1000 m), closest first.");

        app.MapPost("/api/intake/camera-alarms", Alarm).RequireAuthorization(Roles.Policies.Connector).WithTags("Cameras")
            .Produces<CameraAlarmView>(StatusCodes.Status202Accepted)
            .WithDescription("An alarm from a video platform {cameraId, kind, at?} (a connector token): an incident candidate at the camera's place in " +
                             "the queue of the station covering its cell (alarms of one camera within Cameras:CollapseWindow join one candidate), " +
                             "camera.alarm in the event log, a flash on the walls. 404 for a camera not in the catalogue, 400 for an unknown kind.");
        return app;
    }

    private static async Task<IResult> List(string? box, string? limit, string? after, HttpRequest request, ClaimsPrincipal user, GridDatabase database,
        CancellationToken ct)
    {
        var (paging, error) = Paging.Read(request, limit, after, "box");
        GeoBounds? bounds = null;
        if (error is null && box is not null) (bounds, error) = ParseBox(box);
        if (error is not null) return Problems.BadRequest(error);
        var rows = await database.Cameras.ReadAsync(bounds, paging!.Limit + 1, paging.After, ct); // one more: whether a next page follows
        var page = rows.Take(paging.Limit).Select(c => ForUser(c, user)).ToList();
        if (rows.Count > paging.Limit) Paging.LinkNext(request, page[^1].Id);
        return Results.Ok(page);
    }

    /// <summary>A camera imported under another layout may name a cell this one lacks: left out.</summary>
    private static async Task<IResult> CellCounts(CityGrid grid, GridDatabase database, CancellationToken ct) =>
        Results.Ok((await database.Cameras.CountByCellAsync(ct))
            .Select(c => (c, grid.Find(c.CellId)?.Centre)).Where(x => x.Centre is not null)
            .Select(x => new CellCameras(x.c.CellId, x.c.Count, x.Centre!.Value.Lat, x.Centre.Value.Lon)));

    private static async Task<IResult> Nearest(string? lat, string? lon, string? limit, string? within, CityGrid grid, GridDatabase database,
        CameraSettings settings, CancellationToken ct)
    {
        var (la, lo) = (InputRules.Number(lat), InputRules.Number(lon));
        var count = limit is null ? settings.NearbyCount : int.TryParse(limit, out var n) && n is >= 1 and <= MaxNearby ? n : -1;
        var meters = within is null ? settings.NearbyMeters : InputRules.Number(within) is { } m && m is > 0 and <= MaxNearbyMeters ? m : -1;
        var error = InputRules.Position(la, lo, grid)
                    ?? (count < 0 ? $"limit must be a whole number from 1 to {MaxNearby}." : null)
                    ?? (meters < 0 ? $"within must be metres from 1 to {MaxNearbyMeters}." : null);
        if (error is not null) return Problems.BadRequest(error);
        return Results.Ok(await NearbyViews(database, new GeoPoint(la!.Value, lo!.Value), count, meters, ct));
    }

    private static async Task<IResult> Add(CameraRequest body, ClaimsPrincipal user, CityGrid grid, GridDatabase database, TimeProvider clock, CancellationToken ct)
    {
        var (camera, error) = body.Input().Check(grid);
        if (error is not null) return Problems.BadRequest(error);
        if (await database.Cameras.FindAsync(camera!.Id, ct) is not null)
            return Results.Problem($"Camera {camera.Id} exists already: edit it with PUT /api/cameras/{camera.Id}.", statusCode: StatusCodes.Status409Conflict);
        await database.Cameras.SaveAsync([camera], clock.GetUtcNow(), ct);
        await Logged(database, clock, user, "camera.added", camera.Id, ct);
        return Results.Created($"/api/cameras/{camera.Id}", camera);
    }

    private static async Task<IResult> Edit(string id, CameraRequest body, ClaimsPrincipal user, CityGrid grid, GridDatabase database, TimeProvider clock,
        CancellationToken ct)
    {
        if (body.Id is not null && body.Id != id) return Problems.BadRequest("id in the body differs from the camera's id in the route.");
        var (camera, error) = body.Input(id).Check(grid);
        if (error is not null) return Problems.BadRequest(error);
        if (await database.Cameras.FindAsync(id, ct) is null) return NoCamera(id);
        await database.Cameras.SaveAsync([camera!], clock.GetUtcNow(), ct);
        await Logged(database, clock, user, "camera.updated", id, ct);
        return Results.Ok(camera);
    }

    private static async Task<IResult> Delete(string id, ClaimsPrincipal user, GridDatabase database, TimeProvider clock, CancellationToken ct)
    {
        if (!await database.Cameras.DeleteAsync(id, ct)) return NoCamera(id);
        await Logged(database, clock, user, "camera.deleted", id, ct);
        return Results.NoContent();
    }

    private static async Task<IResult> Import(HttpRequest request, ClaimsPrincipal user, CityGrid grid, GridDatabase database, CameraSettings settings, TimeProvider clock,
        CancellationToken ct)
    {
        var upload = await CameraUpload.ReadAsync(request, settings.MaxImportBytes, ct);
        if (upload.Error is not null) return Results.Problem(upload.Error, statusCode: upload.Status);
        var (result, error) = await CameraImporter.ImportAsync(upload.Text!, upload.GeoJson, grid, database, user.Who(), clock.GetUtcNow(), ct);
        return error is not null ? Problems.BadRequest(error) : Results.Ok(result);
    }

    private static async Task<IResult> Alarm(CameraAlarmRequest body, ClaimsPrincipal user, IGrainFactory grains, GridDatabase database,
        CameraSettings settings, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var kinds = settings.Kinds();
        var kind = body.Kind?.Trim().ToLowerInvariant();
        var error = GridIds.Check("cameraId", body.CameraId)
                    ?? (kind is null || !kinds.ContainsKey(kind) ? $"kind must be one of {string.Join(", ", kinds.Keys.Order())}." : null)
                    ?? (body.At > now + FutureTolerance ? "at is in the future." : null)
                    ?? (body.At < now - OldestAlarm ? "at is more than a day ago." : null);
        if (error is not null) return Problems.BadRequest(error);
        if (await database.Cameras.FindAsync(body.CameraId!, ct) is not { } camera) return NoCamera(body.CameraId!);
        var makes = kinds[kind!];
        var alarm = new CameraAlarm(camera, kind!, makes.Type, makes.Priority, body.At ?? now, user.Who());
        return Results.Accepted(value: await grains.GetGrain<ICameraGrain>(camera.Id).Alarm(alarm));
    }

    private static async Task<List<NearbyCameraView>> NearbyViews(GridDatabase database, GeoPoint at, int count, double meters, CancellationToken ct) =>
        [.. (await database.Cameras.NearestAsync(at, count, meters, ct)).Select(NearbyCameraView.Of)];

    /// <summary>A change to the catalogue into the event log, on the camera (kind camera).</summary>
    private static Task Logged(GridDatabase database, TimeProvider clock, ClaimsPrincipal user, string what, string id, CancellationToken ct) =>
        database.Events.AppendAsync(new GrainEvent(clock.GetUtcNow(), user.Who(), what, GrainKinds.Camera, id), ct);

    private static Camera ForUser(Camera camera, ClaimsPrincipal user) => user.IsInRole(Roles.Wall) ? camera.ForScreens() : camera;

    private static IResult NoCamera(string id) => Problems.NotFound($"No camera {id}.");

    private static (GeoBounds?, string?) ParseBox(string box)
    {
        var parts = box.Split(',').Select(InputRules.Number).ToList();
        if (parts.Count != 4 || parts.Any(p => p is null)) return (null, "box must be south,west,north,east in degrees, such as 32.38,119.40,32.41,119.45.");
        var (s, w, n, e) = (parts[0]!.Value, parts[1]!.Value, parts[2]!.Value, parts[3]!.Value);
        return InputRules.Box(s, w, n, e) is { } error ? (null, error) : (new GeoBounds(s, w, n, e), null);
    }
}
