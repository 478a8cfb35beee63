using System.Security.Claims;
using GridCommand.Grains.Messages;
using GridCommand.Grains.Units;
using GridCommand.Silo.Hosting;
using GridCommand.Web.Auth;
using GridCommand.Web.Live;

namespace GridCommand.Web.Apis;

public sealed record EnrollUnitRequest(string? Kind, string? Name, string? StationId, string? PostName, string? Team);
public sealed record EnrolledUnit(string UnitId, string DeviceKey);
public sealed record PositionReport(double? Lat, double? Lon, DateTimeOffset? At, double? SpeedKmh, double? HeadingDeg, double? AccuracyM);
public sealed record DutyRequest(bool? OnDuty);

/// <summary>A unit as the API shows it (never its device key hash).</summary>
public sealed record UnitResponse(UnitSnapshot Unit, string? PostName, string? Team, double? SpeedKmh, double? AccuracyM)
{
    public static UnitResponse Of(UnitView v) => new(v.Unit, v.PostName, v.Team, v.SpeedKmh, v.AccuracyM);
}

public static class UnitsApi
{
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(1);

    public static IEndpointRouteBuilder MapUnitsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/units").WithTags("Units");

        api.MapGet("/", (LiveCity city, string? kind, string? status, string? stationId) =>
        {
            UnitKind k = default;
            DutyStatus s = default;
            var error = (kind is null ? null : InputRules.OneOf("kind", kind, out k))
                        ?? (status is null ? null : InputRules.OneOf("status", status, out s));
            if (error is not null) return GrainReplies.BadRequest(error);
            return Results.Ok(city.Units
                .Where(u => (kind is null || u.Kind == k) && (status is null || u.Status == s) && (stationId is null || u.StationId == stationId))
                .OrderBy(u => u.UnitId, StringComparer.Ordinal));
        }).RequireAuthorization(Roles.Policies.Staff);

        api.MapGet("/{unitId}", async (string unitId, GridNode node) =>
            GrainReplies.Map<UnitView>(await node.Ask(node.Units, new GetUnit(unitId)), v => Results.Ok(UnitResponse.Of(v))))
            .RequireAuthorization(Roles.Policies.Staff);

        api.MapPut("/{unitId}", Enroll).RequireAuthorization(Roles.Policies.ManageUnits);

        api.MapPost("/{unitId}/position", (string unitId, PositionReport body, ClaimsPrincipal user, GridNode node, TimeProvider clock) =>
        {
            if (user.UnitId() != unitId) return GrainReplies.Forbidden($"This device acts for unit {user.UnitId()}, not {unitId}.");
            var error = InputRules.Position(body.Lat, body.Lon, node.Runtime.Grid)
                        ?? (body.At > clock.GetUtcNow() + FutureTolerance ? "at is in the future." : null)
                        ?? (body.SpeedKmh is < 0 or > 400 ? "speedKmh must be 0–400." : null)
                        ?? (body.HeadingDeg is < 0 or > 360 ? "headingDeg must be 0–360." : null)
                        ?? (body.AccuracyM is < 0 ? "accuracyM must not be negative." : null);
            if (error is not null) return GrainReplies.BadRequest(error);
            node.Units.Tell(new ReportPosition(unitId, body.Lat!.Value, body.Lon!.Value, body.At ?? clock.GetUtcNow(),
                body.SpeedKmh, body.HeadingDeg, body.AccuracyM), Akka.Actor.ActorRefs.NoSender);
            return Results.Accepted();
        }).RequireAuthorization(Roles.Policies.Device);

        api.MapPut("/{unitId}/duty", async (string unitId, DutyRequest body, ClaimsPrincipal user, GridNode node) =>
        {
            if (user.IsInRole(Roles.Device) && user.UnitId() != unitId) return GrainReplies.Forbidden($"This device acts for unit {user.UnitId()}, not {unitId}.");
            if (body.OnDuty is null) return GrainReplies.BadRequest("onDuty is required.");
            return GrainReplies.Map<UnitView>(await node.Ask(node.Units, new SetDuty(unitId, body.OnDuty.Value, user.Who())),
                v => Results.Ok(UnitResponse.Of(v)));
        }).RequireAuthorization(Roles.Policies.DeviceOrDispatch);
        return app;
    }

    private static async Task<IResult> Enroll(string unitId, EnrollUnitRequest body, ClaimsPrincipal user, GridNode node)
    {
        var kindError = InputRules.OneOf("kind", body.Kind, out UnitKind kind);
        var error = InputRules.Required("name", body.Name, InputRules.MaxNameLength)
                    ?? kindError
                    ?? (unitId.Length > 64 || unitId.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
                        ? "unitId may use letters, digits, '-' and '_' (at most 64)." : null)
                    ?? InputRules.Text("postName", body.PostName, InputRules.MaxNameLength)
                    ?? InputRules.Text("team", body.Team, InputRules.MaxNameLength);
        if (error is not null) return GrainReplies.BadRequest(error);
        if (body.StationId is not null && await node.Ask(node.Stations, new GetStation(body.StationId)) is Rejected)
            return GrainReplies.BadRequest($"No station {body.StationId}.");
        var key = DeviceKeys.NewKey();
        var reply = await node.Ask(node.Units, new EnrollUnit(unitId, kind, body.Name!.Trim(), body.StationId, body.PostName, body.Team,
            DeviceKeys.Hash(unitId, key), user.Who()));
        return GrainReplies.Map<UnitView>(reply, _ => Results.Ok(new EnrolledUnit(unitId, key)));
    }
}
