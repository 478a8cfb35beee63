using System.Globalization;
using System.Security.Claims;
using GridCommand.Contracts.Cells;
using GridCommand.Contracts.Units;
using GridCommand.Rules;
using GridCommand.Rules.Checkins;
using GridCommand.Rules.Geo;
using GridCommand.Silo.Storage;
using GridCommand.Web.Auth;

namespace GridCommand.Web.Apis;

/// <summary>
/// Field check-ins (微警通打卡): a unit's device records a patrol stop, visit or inspection where it stands, with a note
/// and a photo if it likes; the cell keeps the recent ones for its view, the checkin table all of them. Photos and
/// notes are for staff: the wall sees neither.
/// </summary>
public static class CheckinsApi
{
    public const long DefaultMaxPhotoBytes = 2 * 1024 * 1024;
    public const int MaxNoteLength = 500;
    /// <summary>How late a check-in made offline may still arrive, and how far ahead a phone's clock may run.</summary>
    private static readonly TimeSpan OldestCheckin = TimeSpan.FromDays(1), FutureTolerance = TimeSpan.FromMinutes(1);

    public static IEndpointRouteBuilder MapCheckinsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/checkins", Record).RequireAuthorization(Roles.Policies.Device).WithTags("Check-ins")
            .Accepts<CheckinRequest>("application/json", "multipart/form-data")
            .Produces<Checkin>(StatusCodes.Status201Created)
            .WithDescription("A device checks in where it stands: {category: patrol-stop|visit|inspection, note?, lat, lon, at?} as JSON, "
                             + "or the same fields as a multipart form with an optional file `photo` (JPEG, PNG or WebP by its bytes, "
                             + "at most Checkins:MaxPhotoBytes, 2 MB by default: 413 beyond). Logged as checkin.recorded with its unit, "
                             + "cell, station and category.");
        app.MapGet("/api/cells/{cellId}/checkins", CellCheckins).RequireAuthorization(Roles.Policies.Staff).WithTags("Check-ins")
            .Produces<List<Checkin>>()
            .WithDescription("The cell's check-ins, newest first. " + Paging.Description);
        app.MapGet("/api/checkins", Recent).RequireAuthorization(Roles.Policies.Staff).WithTags("Check-ins")
            .Produces<List<Checkin>>()
            .WithDescription("The city's check-ins since `since` (ISO-8601; by default the start of the city's day), newest first, "
                             + "at most `limit` (1–1000, default 1000): the map's check-in layer.");
        app.MapGet("/api/checkins/{id}/photo", Photo).RequireAuthorization(Roles.Policies.Staff).WithTags("Check-ins")
            .WithDescription("A check-in's photo, as it was sent (staff only); 404 when it has none.");
        return app;
    }

    private static async Task<IResult> Record(HttpRequest request, ClaimsPrincipal user, IGrainFactory grains, CityGrid grid, CityClock city,
        GridDatabase database, IConfiguration config, TimeProvider clock, CancellationToken ct)
    {
        var form = await CheckinForm.ReadAsync(request, config.GetValue("Checkins:MaxPhotoBytes", DefaultMaxPhotoBytes), ct);
        if (form.Error is not null) return Results.Problem(form.Error, statusCode: form.Status);
        var body = form.Request!;
        var now = clock.GetUtcNow();
        var categoryError = InputRules.OneOf("category", body.Category, out CheckinCategory category);
        var error = categoryError
                    ?? InputRules.Text("note", body.Note, MaxNoteLength)
                    ?? InputRules.Position(body.Lat, body.Lon, grid)
                    ?? (body.At > now + FutureTolerance ? "at is in the future." : null)
                    ?? (body.At < now - OldestCheckin ? "at is more than a day ago: a check-in is for what the unit does now." : null);
        if (error is not null) return Problems.BadRequest(error);
        var point = new GeoPoint(body.Lat!.Value, body.Lon!.Value);
        if (grid.CellAt(point) is not { } cell) return Problems.BadRequest($"({point.Lat}, {point.Lon}) is in no grid cell of the city.");
        if (await grains.GetGrain<IUnitGrain>(user.UnitId()!).Get() is not { } unit) return Problems.NotFound($"No unit {user.UnitId()}.");

        var at = body.At ?? now;
        var checkin = new Checkin(CheckinIds.New(at, city), unit.Unit.UnitId, unit.Unit.Name, unit.Unit.Kind, unit.Unit.StationId, cell.Id,
            category, string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim(), point.Lat, point.Lon, at, form.Photo?.MediaType);
        if (form.Photo is { } photo) await database.Checkins.SavePhotoAsync(checkin.Id, photo, ct);
        await grains.GetGrain<ICellGrain>(cell.Id).CheckIn(checkin);
        return Results.Json(checkin, GrainJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> CellCheckins(string cellId, string? limit, string? after, HttpRequest request, CityGrid grid,
        GridDatabase database, CancellationToken ct)
    {
        var (paging, error) = Paging.Read(request, limit, after);
        if (error is not null) return Problems.BadRequest(error);
        if (grid.Find(cellId) is null) return Problems.NotFound($"No grid cell {cellId}.");
        // One more than the page: whether a next page follows.
        if (await database.Checkins.ReadCellAsync(cellId, paging!.Limit + 1, paging.After, ct) is not { } rows)
            return Problems.BadRequest($"after: '{paging.After}' is not a check-in of cell {cellId}: start again without after.");
        var page = rows.Take(paging.Limit).ToList();
        if (rows.Count > paging.Limit) Paging.LinkNext(request, page[^1].Id);
        return Results.Json(page, GrainJson.Options);
    }

    private static async Task<IResult> Recent(string? since, string? limit, HttpRequest request, CityClock city, GridDatabase database,
        TimeProvider clock, CancellationToken ct)
    {
        var (paging, error) = Paging.Read(request, limit, null, "since");
        var from = city.StartOfToday(clock.GetUtcNow());
        error ??= request.Query.ContainsKey("after") ? "This list takes since and limit, not after." : null;
        error ??= since is null || DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out from)
            ? null
            : "since must be an ISO-8601 time such as 2026-12-01T08:00:00+08:00.";
        if (error is not null) return Problems.BadRequest(error);
        return Results.Json(await database.Checkins.ReadSinceAsync(from, paging!.Limit, ct), GrainJson.Options);
    }

    private static async Task<IResult> Photo(string id, HttpResponse response, GridDatabase database, CancellationToken ct)
    {
        if (await database.Checkins.ReadPhotoAsync(id, ct) is not { } photo) return Problems.NotFound($"No photo for check-in {id}.");
        response.Headers.CacheControl = "private, max-age=86400";
        return Results.File(photo.Bytes, photo.MediaType);
    }
}
