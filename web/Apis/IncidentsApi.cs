using System.Security.Claims;
using GridCommand.Grains.Geo;
using GridCommand.Grains.Incidents;
using GridCommand.Grains.Messages;
using GridCommand.Grains.Units;
using GridCommand.Silo.Dispatch;
using GridCommand.Silo.Hosting;
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

        api.MapGet("/", (LiveCity city, string? status) =>
        {
            IncidentStatus[]? wanted = status switch
            {
                null or "all" => null,
                "open" => OpenStatuses,
                _ => InputRules.TryParseWire<IncidentStatus>(status, out var one) ? [one] : [],
            };
            if (wanted is { Length: 0 })
                return GrainReplies.BadRequest($"status must be open, all or one of {InputRules.WireNames<IncidentStatus>()}.");
            return Results.Ok(city.Incidents.Where(i => wanted is null || wanted.Contains(i.Status))
                .OrderBy(i => i.Priority).ThenBy(i => i.CreatedAt));
        }).RequireAuthorization(Roles.Policies.Staff);

        api.MapGet("/types", () => IncidentTypes.All).RequireAuthorization(Roles.Policies.Staff);

        api.MapGet("/{id}", async (string id, GridNode node) =>
            GrainReplies.Map<IncidentView>(await node.Ask(node.Incidents, new GetIncident(id)), Results.Ok))
            .RequireAuthorization(Roles.Policies.Staff);

        api.MapGet("/{id}/recommendations", async (string id, int? limit, string? kind, GridNode node) =>
        {
            if (limit is < 1 or > 50) return GrainReplies.BadRequest("limit must be 1–50.");
            UnitKind? wantedKind = null;
            if (kind is { Length: > 0 })
            {
                if (InputRules.OneOf("kind", kind, out UnitKind k) is { } error) return GrainReplies.BadRequest(error);
                wantedKind = k;
            }
            return GrainReplies.Map<RecommendationList>(await node.Ask(node.Incidents, new GetRecommendations(id, limit ?? 5, wantedKind)),
                list => Results.Ok(list.Units));
        }).RequireAuthorization(Roles.Policies.ReportIncidents);

        api.MapPost("/{id}/dispatch", (string id, DispatchRequest? body, ClaimsPrincipal user, GridNode node) =>
            Dispatch(id, body, backup: false, user, node)).RequireAuthorization(Roles.Policies.Dispatch);

        api.MapPost("/{id}/backup", (string id, DispatchRequest? body, ClaimsPrincipal user, GridNode node) =>
            Dispatch(id, body, backup: true, user, node)).RequireAuthorization(Roles.Policies.Dispatch);

        api.MapPost("/{id}/close", async (string id, CloseRequest? body, ClaimsPrincipal user, GridNode node) =>
        {
            var error = InputRules.Required("resolution", body?.Resolution, InputRules.MaxTextLength);
            if (error is not null) return GrainReplies.BadRequest(error);
            return GrainReplies.Map<IncidentView>(await node.Ask(node.Incidents, new CloseIncident(id, body!.Resolution!, user.Who())), Results.Ok);
        }).RequireAuthorization(Roles.Policies.Dispatch);
        return app;
    }

    private static async Task<IResult> Create(CreateIncidentRequest body, ClaimsPrincipal user, GridNode node, IncidentDesk desk)
    {
        var type = body.Type is null ? null : IncidentTypes.Find(body.Type);
        var source = IncidentSource.Call110;
        var error = (type is null ? $"type must be one of {string.Join(", ", IncidentTypes.All.Select(t => t.Code))}." : null)
                    ?? (body.Priority is null or < 1 or > 3 ? "priority must be 1 (emergency), 2 or 3." : null)
                    ?? InputRules.Position(body.Lat, body.Lon, node.Runtime.Grid)
                    ?? InputRules.Text("address", body.Address, InputRules.MaxNameLength)
                    ?? InputRules.Text("description", body.Description, InputRules.MaxTextLength)
                    ?? InputRules.Text("requestId", body.RequestId, InputRules.MaxNameLength)
                    ?? (body.Source is null ? null : InputRules.OneOf("source", body.Source, out source));
        if (error is not null) return GrainReplies.BadRequest(error);

        var reply = await desk.Report(new IncidentReport(type!, body.Priority!.Value, new GeoPoint(body.Lat!.Value, body.Lon!.Value),
            body.Address, body.Description, source, body.RequestId, body.Divert ?? true, user.Who()));
        return GrainReplies.Map<IntakeResult>(reply, r => Results.Created($"/api/incidents/{r.Incident.Id}",
            new CreatedIncident(r.Incident.Id, r.Incident.Status, r.Incident.CellId, r.DuplicateOf, r.Incident.ReportCount)));
    }

    private static async Task<IResult> Dispatch(string id, DispatchRequest? body, bool backup, ClaimsPrincipal user, GridNode node)
    {
        var error = InputRules.Text("requestId", body?.RequestId, InputRules.MaxNameLength)
                    ?? InputRules.Text("unitId", body?.UnitId, InputRules.MaxNameLength);
        if (error is not null) return GrainReplies.BadRequest(error);
        var reply = await node.Ask(node.Incidents,
            new DispatchUnit(id, body?.UnitId, body?.RequestId, backup, body?.Override ?? false, user.Who()), TimeSpan.FromSeconds(20));
        return GrainReplies.Map<TaskAssigned>(reply, Results.Ok);
    }
}
