using System.Security.Claims;
using GridCommand.Contracts;
using GridCommand.Contracts.Incidents;
using GridCommand.Contracts.Intake;
using GridCommand.Rules;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Units;
using GridCommand.Web.Auth;
using GridCommand.Web.Live;

namespace GridCommand.Web.Apis;

public sealed record CreateIncidentRequest(
    string? Type, int? Priority, double? Lat, double? Lon, string? Address, string? Description, string? Source, string? RequestId, bool? Divert);
public sealed record CreatedIncident(string Id, IncidentStatus Status, string? CellId, string? DuplicateOf, int ReportCount);
public sealed record DispatchRequest(string? UnitId, string? RequestId, bool? Override);
public sealed record CloseRequest(string? Resolution);

public static class IncidentsApi
{
    private static readonly IncidentStatus[] OpenStatuses = Enum.GetValues<IncidentStatus>().Where(s => s.IsOpen()).ToArray();

    public static IEndpointRouteBuilder MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/incidents").WithTags("Incidents");

        api.MapPost("/", Create).RequireAuthorization(Roles.Policies.ReportIncidents);

        api.MapGet("/", (LiveCity city, string? status, string? limit, string? after, HttpRequest request) =>
        {
            var (paging, pagingError) = Paging.Read(request, limit, after, "status");
            if (pagingError is not null) return Problems.BadRequest(pagingError);
            IncidentStatus[]? wanted = status switch
            {
                null or "all" => null,
                "open" => OpenStatuses,
                _ => InputRules.TryParseWire<IncidentStatus>(status, out var one) ? [one] : [],
            };
            if (wanted is { Length: 0 })
                return Problems.BadRequest($"status must be open, all or one of {InputRules.WireNames<IncidentStatus>()}.");
            return paging!.Page(city.Incidents.Where(i => wanted is null || wanted.Contains(i.Status))
                .OrderBy(i => i.Priority).ThenBy(i => i.CreatedAt).ThenBy(i => i.Id, StringComparer.Ordinal), i => i.Id, request);
        }).RequireAuthorization(Roles.Policies.Staff)
            .WithDescription("Open incidents and those since yesterday, most urgent and oldest first. " + Paging.Description);

        api.MapGet("/types", () => IncidentTypes.All).RequireAuthorization(Roles.Policies.Staff);

        api.MapGet("/{id}", async (string id, IGrainFactory grains) =>
            await Incident(grains, id).Get() is { } incident ? Results.Ok(incident) : Problems.NotFound($"No incident {id}."))
            .RequireAuthorization(Roles.Policies.Staff);

        api.MapGet("/{id}/recommendations", async (string id, int? limit, string? kind, IGrainFactory grains) =>
        {
            if (limit is < 1 or > 50) return Problems.BadRequest("limit must be 1–50.");
            UnitKind? wantedKind = null;
            if (kind is { Length: > 0 })
            {
                if (InputRules.OneOf("kind", kind, out UnitKind k) is { } error) return Problems.BadRequest(error);
                wantedKind = k;
            }
            return Results.Ok(await Incident(grains, id).Recommend(limit ?? 5, wantedKind));
        }).RequireAuthorization(Roles.Policies.ReportIncidents);

        api.MapPost("/{id}/dispatch", (string id, DispatchRequest? body, ClaimsPrincipal user, IGrainFactory grains) =>
            Dispatch(id, body, backup: false, user, grains)).RequireAuthorization(Roles.Policies.Dispatch);

        api.MapPost("/{id}/backup", (string id, DispatchRequest? body, ClaimsPrincipal user, IGrainFactory grains) =>
            Dispatch(id, body, backup: true, user, grains)).RequireAuthorization(Roles.Policies.Dispatch);

        api.MapPost("/{id}/close", async (string id, CloseRequest? body, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var error = InputRules.Required("resolution", body?.Resolution, InputRules.MaxTextLength);
            if (error is not null) return Problems.BadRequest(error);
            return Results.Ok(await Incident(grains, id).Close(body!.Resolution!, user.Who()));
        }).RequireAuthorization(Roles.Policies.Dispatch);
        return app;
    }

    private static async Task<IResult> Create(CreateIncidentRequest body, ClaimsPrincipal user, IGrainFactory grains, CityGrid grid)
    {
        var type = body.Type is null ? null : IncidentTypes.Find(body.Type);
        var source = IncidentSource.Call110;
        var error = (type is null ? $"type must be one of {string.Join(", ", IncidentTypes.All.Select(t => t.Code))}." : null)
                    ?? (body.Priority is null or < 1 or > 3 ? "priority must be 1 (emergency), 2 or 3." : null)
                    ?? InputRules.Position(body.Lat, body.Lon, grid)
                    ?? InputRules.Text("address", body.Address, InputRules.MaxNameLength)
                    ?? InputRules.Text("description", body.Description, InputRules.MaxTextLength)
                    ?? InputRules.Text("requestId", body.RequestId, InputRules.MaxNameLength)
                    ?? (body.Source is null ? null : InputRules.OneOf("source", body.Source, out source));
        if (error is not null) return Problems.BadRequest(error);

        var intake = await grains.GetGrain<IIntakeGrain>(CityKeys.City).Report(new IncidentReport(type!, body.Priority!.Value,
            new GeoPoint(body.Lat!.Value, body.Lon!.Value), body.Address, body.Description, source, body.RequestId, body.Divert ?? true, user.Who()));
        var incident = intake.Incident;
        return Results.Created($"/api/incidents/{incident.Id}",
            new CreatedIncident(incident.Id, incident.Status, incident.CellId, intake.DuplicateOf, incident.ReportCount));
    }

    private static async Task<IResult> Dispatch(string id, DispatchRequest? body, bool backup, ClaimsPrincipal user, IGrainFactory grains)
    {
        var error = InputRules.Text("requestId", body?.RequestId, InputRules.MaxNameLength)
                    ?? (body?.UnitId is null ? null : GridIds.Check("unitId", body.UnitId));
        if (error is not null) return Problems.BadRequest(error);
        return Results.Ok(await Incident(grains, id).Dispatch(new DispatchOrder(body?.UnitId, body?.RequestId, backup, body?.Override ?? false, user.Who())));
    }

    private static IIncidentGrain Incident(IGrainFactory grains, string id) => grains.GetGrain<IIncidentGrain>(id);
}
