using System.Security.Claims;
using GridCommand.Contracts.Stations;
using GridCommand.Contracts.Units;
using GridCommand.Rules;
using GridCommand.Rules.Auth;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Units;
using GridCommand.Web.Auth;
using GridCommand.Web.Hosting;
using GridCommand.Web.Live;
using Microsoft.Extensions.Options;

namespace GridCommand.Web.Apis;

public sealed record EnrollUnitRequest(string? Kind, string? Name, string? StationId, string? PostName, string? Team);
public sealed record EnrolledUnit(string UnitId, string DeviceKey);
public sealed record PositionReport(double? Lat, double? Lon, DateTimeOffset? At, double? SpeedKmh, double? HeadingDeg, double? AccuracyM);
public sealed record DutyRequest(bool? OnDuty);

public static class UnitsApi
{
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(1);

    public static IEndpointRouteBuilder MapUnitsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/units").WithTags("Units");

        api.MapGet("/", (LiveCity city, string? kind, string? status, string? stationId, string? limit, string? after, HttpRequest request) =>
        {
            UnitKind k = default;
            DutyStatus s = default;
            var (paging, pagingError) = Paging.Read(request, limit, after, "kind", "status", "stationId");
            var error = pagingError
                        ?? (kind is null ? null : InputRules.OneOf("kind", kind, out k))
                        ?? (status is null ? null : InputRules.OneOf("status", status, out s));
            if (error is not null) return Problems.BadRequest(error);
            return paging!.Page(city.Units
                .Where(u => (kind is null || u.Kind == k) && (status is null || u.Status == s) && (stationId is null || u.StationId == stationId))
                .OrderBy(u => u.UnitId, StringComparer.Ordinal), u => u.UnitId, request);
        }).RequireAuthorization(Roles.Policies.Staff).WithDescription("Every enrolled unit as the live picture has it, by id. " + Paging.Description);

        api.MapGet("/{unitId}", async (string unitId, IGrainFactory grains) =>
            await grains.GetGrain<IUnitGrain>(unitId).Get() is { } unit ? Results.Ok(unit) : Problems.NotFound($"No unit {unitId}."))
            .RequireAuthorization(Roles.Policies.Staff);

        api.MapPut("/{unitId}", Enroll).RequireAuthorization(Roles.Policies.ManageUnits);

        api.MapPost("/{unitId}/position", ReportPosition).RequireAuthorization(Roles.Policies.Device);

        api.MapPut("/{unitId}/duty", async (string unitId, DutyRequest body, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            if (user.IsInRole(Roles.Device) && user.UnitId() != unitId) return Problems.Forbidden($"This device acts for unit {user.UnitId()}, not {unitId}.");
            if (body.OnDuty is null) return Problems.BadRequest("onDuty is required.");
            return Results.Ok(await grains.GetGrain<IUnitGrain>(unitId).SetDuty(body.OnDuty.Value, user.Who()));
        }).RequireAuthorization(Roles.Policies.DeviceOrDispatch);
        return app;
    }

    /// <summary>The hot path: checked, handed to the unit's grain one-way, answered 202 without waiting.</summary>
    private static IResult ReportPosition(string unitId, PositionReport body, ClaimsPrincipal user, IGrainFactory grains, CityGrid grid, TimeProvider clock,
        WebMetrics metrics)
    {
        if (user.UnitId() != unitId) return Problems.Forbidden($"This device acts for unit {user.UnitId()}, not {unitId}.");
        var now = clock.GetUtcNow();
        var error = InputRules.Position(body.Lat, body.Lon, grid)
                    ?? (body.At > now + FutureTolerance ? "at is in the future." : null)
                    ?? (body.SpeedKmh is < 0 or > 400 ? "speedKmh must be 0–400." : null)
                    ?? (body.HeadingDeg is < 0 or > 360 ? "headingDeg must be 0–360." : null)
                    ?? (body.AccuracyM is < 0 ? "accuracyM must not be negative." : null);
        if (error is not null) return Problems.BadRequest(error);
        _ = grains.GetGrain<IUnitGrain>(unitId).ReportPosition(new PositionFix(new GeoPoint(body.Lat!.Value, body.Lon!.Value),
            body.At ?? now, body.SpeedKmh, body.HeadingDeg, body.AccuracyM));
        metrics.PositionReceived();
        return Results.Accepted();
    }

    /// <summary>Enrols or updates a unit with a new device key; the tokens its old key got stop working on every node.</summary>
    private static async Task<IResult> Enroll(string unitId, EnrollUnitRequest body, ClaimsPrincipal user, IGrainFactory grains,
        TokenRevocations revocations, IOptions<AuthOptions> options)
    {
        var kindError = InputRules.OneOf("kind", body.Kind, out UnitKind kind);
        var error = InputRules.Required("name", body.Name, InputRules.MaxNameLength)
                    ?? kindError
                    ?? (body.StationId is null ? null : GridIds.Check("stationId", body.StationId))
                    ?? InputRules.Text("postName", body.PostName, InputRules.MaxNameLength)
                    ?? InputRules.Text("team", body.Team, InputRules.MaxNameLength);
        if (error is not null) return Problems.BadRequest(error);
        if (body.StationId is not null && await grains.GetGrain<IStationGrain>(body.StationId).Get() is null)
            return Problems.BadRequest($"No station {body.StationId}.");
        var unit = grains.GetGrain<IUnitGrain>(unitId);
        var reEnrolled = await unit.Get() is not null;
        var key = DeviceKeys.NewKey();
        await unit.Enrol(new UnitEnrolment(kind, body.Name!.Trim(), body.StationId, body.PostName, body.Team, DeviceKeys.Hash(unitId, key), user.Who()));
        // Only a unit that had a key has tokens to void (enrolling thousands of new units adds no revocations). If this
        // fails, the new key is never shown: enrolling again makes another and revokes then.
        if (reEnrolled) await revocations.Revoke(Revocation.OfUnit(unitId), disabled: false, options.Value.DeviceTokenLifetime, user.Who());
        return Results.Ok(new EnrolledUnit(unitId, key));
    }
}
