using System.Security.Claims;
using GridCommand.Contracts;
using GridCommand.Contracts.Intake;
using GridCommand.Contracts.Stations;
using GridCommand.Rules;
using GridCommand.Rules.Auth;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Intake;
using GridCommand.Web.Auth;
using Microsoft.Extensions.Options;

namespace GridCommand.Web.Apis;

/// <param name="CellId">the group's cell when the connector knows it; else the cell the group is registered with</param>
/// <param name="At">when it was said; now when left out</param>
public sealed record ChatMessageRequest(string? GroupId, string? CellId, string? Sender, string? Text, DateTimeOffset? At);
public sealed record ChatGroupRequest(string? CellId, string? Name);
public sealed record ConnectorTokenRequest(string? ConnectorId);
public sealed record ConnectorToken(string ConnectorId, string Token, DateTimeOffset ExpiresAt);

/// <summary>
/// Chat-group intake (微信群 抓取和预判): a connector posts what it reads, each message is pre-judged, and the ones worth a
/// look wait in the queue of the station covering the group's cell until an officer makes an incident of them or dismisses them.
/// </summary>
public static class ChatIntakeApi
{
    public static IEndpointRouteBuilder MapChatIntakeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intake").WithTags("Chat intake");

        api.MapPost("/messages", Receive).RequireAuthorization(Roles.Policies.Connector)
            .WithDescription("A message from a chat group {groupId, cellId?, sender, text, at?}: 202 with its class (urgent, service, noise), the matched " +
                             "words and, unless noise, the station and candidate it went to. A group with no cellId and no registered cell is " +
                             "classified and counted but queued nowhere (stationId null).");

        api.MapPut("/groups/{groupId}", async (string groupId, ChatGroupRequest body, ClaimsPrincipal user, IGrainFactory grains, CityGrid grid) =>
        {
            var error = (body.CellId is null || grid.Find(body.CellId) is null ? "cellId must be a grid cell of the city." : null)
                        ?? InputRules.Required("name", body.Name, InputRules.MaxNameLength);
            if (error is not null) return Problems.BadRequest(error);
            return Results.Ok(await Group(grains, groupId).Register(body.CellId!, body.Name!.Trim(), user.Who()));
        }).RequireAuthorization(Roles.Policies.ManageUnits).WithDescription("Registers a chat group with its cell and name (or moves it).");

        api.MapGet("/groups/{groupId}", async (string groupId, IGrainFactory grains) =>
            await Group(grains, groupId).Get() is { } group ? Results.Ok(group) : Problems.NotFound($"No chat group {groupId}."))
            .RequireAuthorization(Roles.Policies.Staff);

        api.MapPost("/{candidateId}/incident", (string candidateId, ClaimsPrincipal user, IGrainFactory grains) =>
                Decide(candidateId, grains, (queue, id) => queue.Escalate(id, user.Who())))
            .RequireAuthorization(Roles.Policies.ReportIncidents)
            .WithDescription("Opens the incident the candidate suggests (type, place, description prefilled; repeat calls merge as usual): the candidate with its incidentId.");

        api.MapPost("/{candidateId}/dismiss", (string candidateId, ClaimsPrincipal user, IGrainFactory grains) =>
                Decide(candidateId, grains, (queue, id) => queue.Dismiss(id, user.Who())))
            .RequireAuthorization(Roles.Policies.ReportIncidents).WithDescription("Dismisses the candidate; it stays in the queue as dismissed.");

        api.MapGet("/today", (IGrainFactory grains) => grains.GetGrain<IIntakeCountsGrain>(CityKeys.City).Today())
            .RequireAuthorization(Roles.Policies.WallScreen).WithDescription("Today's messages in, candidates queued and candidates turned into incidents.");

        api.MapPost("/connectors", (ConnectorTokenRequest body, TokenService tokens, IOptions<AuthOptions> options) =>
        {
            if (GridIds.Check("connectorId", body.ConnectorId) is { } error) return Problems.BadRequest(error);
            var issued = tokens.Issue(ConnectorSubject(body.ConnectorId!), Roles.Connector, null, options.Value.TokenLifetime(Roles.Connector));
            return Results.Ok(new ConnectorToken(body.ConnectorId!, issued.Token, issued.ExpiresAt));
        }).RequireAuthorization(Roles.Policies.ManageUnits).WithDescription("Issues a connector's token (role connector, Auth:ConnectorTokenLifetime).");

        api.MapPost("/connectors/{connectorId}/revoke", async (string connectorId, ClaimsPrincipal user, TokenRevocations revocations, IOptions<AuthOptions> options) =>
        {
            await revocations.Revoke(Revocation.OfUser(ConnectorSubject(connectorId)), true, options.Value.TokenLifetime(Roles.Connector), user.Who());
            return Results.NoContent();
        }).RequireAuthorization(Roles.Policies.ManageUnits).WithDescription("Voids every token issued to the connector so far, on every node.");

        app.MapGet("/api/stations/{stationId}/intake", async (string stationId, IGrainFactory grains) =>
            await grains.GetGrain<IStationGrain>(stationId).Get() is null
                ? Problems.NotFound($"No station {stationId}.")
                : Results.Ok(await grains.GetGrain<IStationIntakeGrain>(stationId).List()))
            .RequireAuthorization(Roles.Policies.Staff).WithTags("Chat intake")
            .WithDescription("The station's chat-group candidates: waiting ones first, each with its class, matched words, groups and report count.");
        return app;
    }

    private static async Task<IResult> Receive(ChatMessageRequest body, IGrainFactory grains, CityGrid grid, TimeProvider clock)
    {
        var error = GridIds.Check("groupId", body.GroupId)
                    ?? (body.CellId is not null && grid.Find(body.CellId) is null ? $"cellId {body.CellId} is not a grid cell of the city." : null)
                    ?? InputRules.Required("sender", body.Sender, InputRules.MaxNameLength)
                    ?? InputRules.Required("text", body.Text, InputRules.MaxTextLength);
        if (error is not null) return Problems.BadRequest(error);
        var message = new ChatMessage(body.GroupId!, body.CellId, body.Sender!.Trim(), body.Text!.Trim(), body.At ?? clock.GetUtcNow());
        return Results.Accepted(value: await Group(grains, message.GroupId).Receive(message));
    }

    private static async Task<IResult> Decide(string candidateId, IGrainFactory grains, Func<IStationIntakeGrain, string, Task<CandidateView>> decide) =>
        IntakeIds.StationOf(candidateId) is { } stationId
            ? Results.Ok(await decide(grains.GetGrain<IStationIntakeGrain>(stationId), candidateId))
            : Problems.NotFound($"No intake candidate {candidateId}.");

    private static string ConnectorSubject(string connectorId) => $"connector:{connectorId}";

    private static IChatGroupGrain Group(IGrainFactory grains, string groupId) => grains.GetGrain<IChatGroupGrain>(groupId);
}
