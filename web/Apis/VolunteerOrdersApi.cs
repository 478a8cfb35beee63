using System.Security.Claims;
using GridCommand.Contracts;
using GridCommand.Contracts.Incidents;
using GridCommand.Contracts.Units;
using GridCommand.Contracts.Volunteers;
using GridCommand.Rules;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Units;
using GridCommand.Rules.Volunteers;
using GridCommand.Web.Auth;
using GridCommand.Web.Live;

namespace GridCommand.Web.Apis;

public sealed record VolunteerOrderRequest(double? RadiusMeters, string? Note);
public sealed record VolunteerCompleteRequest(string? Note);
/// <summary>An order as a volunteer's phone lists it: how far it is from where the phone stands now.</summary>
public sealed record NearbyOrder(VolunteerOrder Order, int? DistanceMeters);
public sealed record VolunteerOrdersNearMe(string UnitId, UnitKind Kind, string? Team, int Points, int OrdersCompleted, IReadOnlyList<NearbyOrder> Orders);

/// <summary>
/// Volunteer orders (龙城众队 接单+派单): a dispatcher publishes an incident to the volunteers within a radius; the first
/// to claim it gets it (a task of the incident, already accepted); completing it credits points to the volunteer and the team.
/// </summary>
public static class VolunteerOrdersApi
{
    public const int MaxNoteLength = 500;

    public static IEndpointRouteBuilder MapVolunteerOrdersApi(this IEndpointRouteBuilder app)
    {
        var tag = "Volunteer orders";
        app.MapPost("/api/incidents/{id}/volunteer-orders", Publish).RequireAuthorization(Roles.Policies.Dispatch).WithTags(tag)
            .Produces<VolunteerOrder>(StatusCodes.Status201Created)
            .WithDescription($"Publishes the incident as an order to the volunteers on duty within radiusMeters ({VolunteerRadius.MinMeters}–"
                             + $"{VolunteerRadius.MaxMeters}) of it, with a note (at most {MaxNoteLength} characters): 404 unknown incident, "
                             + "409 closed or diverted. Their phones get \"volunteerOrder\". Logged as volunteer-order.published.");
        app.MapGet("/api/incidents/{id}/volunteer-orders", async (string id, IGrainFactory grains) => Results.Ok(await Board(grains).Listed(id)))
            .RequireAuthorization(Roles.Policies.Staff).WithTags(tag).Produces<List<VolunteerOrder>>()
            .WithDescription("The incident's volunteer orders, newest first.");
        app.MapGet("/api/volunteer-orders", async (IGrainFactory grains) => Results.Ok(await Board(grains).Listed(null)))
            .RequireAuthorization(Roles.Policies.Staff).WithTags(tag).Produces<List<VolunteerOrder>>()
            .WithDescription($"The open volunteer orders and the latest {OrderBoard.KeepEnded} ended ones, newest first.");
        app.MapGet("/api/volunteer-orders/near-me", NearMe).RequireAuthorization(Roles.Policies.Device).WithTags(tag)
            .Produces<VolunteerOrdersNearMe>()
            .WithDescription("For a volunteer's device: the open orders whose radius reaches where it stands (nearest first), the ones it "
                             + "has claimed, and its points.");
        app.MapPost("/api/volunteer-orders/{id}/claim", async (string id, ClaimsPrincipal user, IGrainFactory grains) =>
                Results.Ok(await Order(grains, id).Claim(user.UnitId()!)))
            .RequireAuthorization(Roles.Policies.Device).WithTags(tag).Produces<VolunteerOrder>()
            .WithDescription("A volunteer's device claims the order: 200 for the first (the incident gets a task for it, already accepted), "
                             + "409 for everyone after (naming who has it), 409 out of range or busy, 403 for a device that is no volunteer. "
                             + "The others' phones get \"volunteerOrderTaken\". Logged as volunteer-order.claimed.");
        app.MapPost("/api/volunteer-orders/{id}/complete", Complete).RequireAuthorization(Roles.Policies.Device).WithTags(tag)
            .Produces<VolunteerOrder>()
            .WithDescription("The volunteer who has the order completes it (an optional note): its task is done and Volunteers:PointsPerOrder "
                             + "points go to it and its team, once; a resent completion changes nothing. Logged as volunteer-order.completed.");
        app.MapPost("/api/volunteer-orders/{id}/cancel", async (string id, ClaimsPrincipal user, IGrainFactory grains) =>
                Results.Ok(await Order(grains, id).Cancel(user.Who())))
            .RequireAuthorization(Roles.Policies.Dispatch).WithTags(tag).Produces<VolunteerOrder>()
            .WithDescription("A dispatcher withdraws the order, and the volunteer's task if it was claimed. Logged as volunteer-order.cancelled.");
        app.MapGet("/api/volunteer-teams", async (IGrainFactory grains) => Results.Ok(await Scores(grains).Teams()))
            .RequireAuthorization(Roles.Policies.Staff).WithTags(tag).Produces<List<TeamStanding>>()
            .WithDescription("The team leaderboard: rank, team, points (积分), orders completed, volunteers who earned points; most points first.");
        return app;
    }

    private static async Task<IResult> Publish(string id, VolunteerOrderRequest? body, ClaimsPrincipal user, IGrainFactory grains,
        VolunteersInRange inRange, CityClock city, TimeProvider clock)
    {
        var error = VolunteerRadius.Check(body?.RadiusMeters) ?? InputRules.Text("note", body?.Note, MaxNoteLength);
        if (error is not null) return Problems.BadRequest(error);
        var incident = await grains.GetGrain<IIncidentGrain>(id).Get();
        if (incident is null) return Problems.NotFound($"No incident {id}.");
        var radius = (int)Math.Round(body!.RadiusMeters!.Value);
        var notify = inRange.Around(new GeoPoint(incident.Lat, incident.Lon), radius);
        var orderId = VolunteerOrderIds.New(clock.GetUtcNow(), city);
        var note = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim();
        var order = await Order(grains, orderId).Publish(new VolunteerOrderPublication(id, radius, note, notify, user.Who()));
        return Results.Created($"/api/incidents/{id}/volunteer-orders", order);
    }

    private static async Task<IResult> NearMe(ClaimsPrincipal user, IGrainFactory grains)
    {
        var unitId = user.UnitId()!;
        if (await grains.GetGrain<IUnitGrain>(unitId).Get() is not { } unit) return Problems.NotFound($"No unit {unitId}.");
        var here = unit.Unit is { Lat: { } lat, Lon: { } lon } ? new GeoPoint(lat, lon) : (GeoPoint?)null;
        var orders = unit.Unit.Kind == UnitKind.Volunteer ? await Board(grains).ForVolunteer(unitId, here?.Lat, here?.Lon) : [];
        var mine = await Scores(grains).Volunteer(unitId);
        return Results.Ok(new VolunteerOrdersNearMe(unitId, unit.Unit.Kind, unit.Team, mine.Points, mine.OrdersCompleted,
            orders.Select(o => new NearbyOrder(o, here is { } h ? (int)Math.Round(o.DistanceTo(h)) : null)).ToList()));
    }

    private static async Task<IResult> Complete(string id, VolunteerCompleteRequest? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (InputRules.Text("note", body?.Note, MaxNoteLength) is { } error) return Problems.BadRequest(error);
        return Results.Ok(await Order(grains, id).Complete(user.UnitId()!, body?.Note));
    }

    private static IVolunteerOrderGrain Order(IGrainFactory grains, string id) => grains.GetGrain<IVolunteerOrderGrain>(id);

    private static IVolunteerBoardGrain Board(IGrainFactory grains) => grains.GetGrain<IVolunteerBoardGrain>(CityKeys.City);

    private static IVolunteerScoresGrain Scores(IGrainFactory grains) => grains.GetGrain<IVolunteerScoresGrain>(CityKeys.City);
}
