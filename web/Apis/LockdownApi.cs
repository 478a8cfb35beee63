using System.Security.Claims;
using GridCommand.Contracts;
using GridCommand.Contracts.Lockdown;
using GridCommand.Grains.Dispatch;
using GridCommand.Rules;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Lockdown;
using GridCommand.Web.Auth;

namespace GridCommand.Web.Apis;

/// <param name="Id">the new plan's id; made up when left out</param>
public sealed record PlanRequest(string? Id, string? Name, IReadOnlyList<LockdownPointInput>? Points);

/// <param name="Rings">city, urban and/or core; all the plan's rings when left out</param>
/// <param name="Drill">a drill runs without an incident and reports the time to seal</param>
public sealed record ActivateRequest(string? IncidentId, IReadOnlyList<string>? Rings, bool? Drill);

/// <summary>"Close the city gates" (关城门): lockdown plans, their activations, standing down.</summary>
public static class LockdownApi
{
    public static IEndpointRouteBuilder MapLockdownApi(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/lockdown-plans").WithTags("Lockdown");

        plans.MapGet("/", async (IGrainFactory grains) => Results.Ok(await Catalogue(grains).Plans()))
            .RequireAuthorization(Roles.Policies.Staff).WithDescription("Every lockdown plan, with its points counted by ring.");

        plans.MapGet("/{planId}", async (string planId, IGrainFactory grains) =>
            await Plan(grains, planId).Get() is { } plan ? Results.Ok(plan) : Problems.NotFound($"No plan {planId}."))
            .RequireAuthorization(Roles.Policies.Staff);

        plans.MapPost("/", async (PlanRequest body, ClaimsPrincipal user, IGrainFactory grains, CityGrid grid) =>
        {
            var id = body.Id ?? $"LP-{Guid.NewGuid():N}"[..11];
            var error = LockdownPlanRules.Read(body.Name, body.Points, grid.Bounds, out var points);
            if ((GridIds.Check("id", id) ?? error) is { } badInput) return Problems.BadRequest(badInput);
            var plan = await Plan(grains, id).Save(body.Name!.Trim(), points, create: true, user.Who());
            return Results.Created($"/api/lockdown-plans/{id}", plan);
        }).RequireAuthorization(Roles.Policies.Dispatch).WithDescription("A new plan {name, points: [{id?, name, kind, ring, lat, lon}]}: 201, or 409 when the id is taken.");

        plans.MapPut("/{planId}", async (string planId, PlanRequest body, ClaimsPrincipal user, IGrainFactory grains, CityGrid grid) =>
        {
            if (LockdownPlanRules.Read(body.Name, body.Points, grid.Bounds, out var points) is { } error) return Problems.BadRequest(error);
            return Results.Ok(await Plan(grains, planId).Save(body.Name!.Trim(), points, create: false, user.Who()));
        }).RequireAuthorization(Roles.Policies.Dispatch).WithDescription("Replaces the plan's name and points; running activations keep the points they started with.");

        plans.MapPost("/{planId}/activate", Activate).RequireAuthorization(Roles.Policies.Dispatch)
            .WithDescription("Staffs every point of the chosen rings with the nearest available patrol or guard: 201 with the activation.");

        var activations = app.MapGroup("/api/lockdown-activations").WithTags("Lockdown");

        activations.MapGet("/", async (IGrainFactory grains) =>
        {
            var ids = await Catalogue(grains).ActiveActivations();
            var views = await Task.WhenAll(ids.Select(id => NoAnswer.OrDefault(Activation(grains, id).Get())));
            return Results.Ok(views.OfType<ActivationView>().OrderByDescending(v => v.ActivatedAt));
        }).RequireAuthorization(Roles.Policies.Staff).WithDescription("The activations not stood down, newest first.");

        activations.MapGet("/{id}", async (string id, IGrainFactory grains) =>
            await Activation(grains, id).Get() is { } view ? Results.Ok(view) : Problems.NotFound($"No lockdown activation {id}."))
            .RequireAuthorization(Roles.Policies.Staff)
            .WithDescription("Every point with its unitId and state, the seconds since activation and, once sealed, the time to seal.");

        activations.MapPost("/{id}/stand-down", async (string id, ClaimsPrincipal user, IGrainFactory grains) =>
            Results.Ok(await Activation(grains, id).StandDown(user.Who())))
            .RequireAuthorization(Roles.Policies.Dispatch).WithDescription("Releases every unit; 409 when it stood down already.");
        return app;
    }

    private static async Task<IResult> Activate(string planId, ActivateRequest? body, ClaimsPrincipal user, IGrainFactory grains, CityClock city, TimeProvider clock)
    {
        var drill = body?.Drill ?? false;
        var ringsError = LockdownPlanRules.ReadRings(body?.Rings, out var rings);
        var error = (drill, body?.IncidentId) switch
            {
                (false, null) => "incidentId is required, unless drill is true.",
                (true, not null) => "A drill runs without an incident: leave incidentId out.",
                (_, { } incidentId) => GridIds.Check("incidentId", incidentId),
                _ => null,
            }
            ?? ringsError;
        if (error is not null) return Problems.BadRequest(error);
        var id = LockdownTaskIds.NewActivationId(clock.GetUtcNow(), city);
        var view = await Activation(grains, id).Activate(new ActivationOrder(planId, body?.IncidentId, body?.Rings is null ? null : rings.ToList(), drill, user.Who()));
        return Results.Created($"/api/lockdown-activations/{id}", view);
    }

    private static ILockdownCatalogueGrain Catalogue(IGrainFactory grains) => grains.GetGrain<ILockdownCatalogueGrain>(CityKeys.City);

    private static ILockdownPlanGrain Plan(IGrainFactory grains, string id) => grains.GetGrain<ILockdownPlanGrain>(id);

    private static ILockdownActivationGrain Activation(IGrainFactory grains, string id) => grains.GetGrain<ILockdownActivationGrain>(id);
}
