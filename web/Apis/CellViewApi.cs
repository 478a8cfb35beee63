using System.Security.Claims;
using System.Text.Json;
using GridCommand.Contracts;
using GridCommand.Contracts.Cells;
using GridCommand.Rules;
using GridCommand.Rules.Cells;
using GridCommand.Rules.Geo;
using GridCommand.Web.Auth;
using GridCommand.Web.Live;

namespace GridCommand.Web.Apis;

/// <summary>The body of PUT /api/cells/{cellId}/grid-worker; a null name clears the cell's grid worker.</summary>
public sealed record GridWorkerRequest(string? Name, string? Phone);

/// <summary>The cell view (全息图): what the grid knows of one cell, from its grain, for a click on the wall or the console.</summary>
public static class CellViewApi
{
    private const int MaxPhoneLength = 20;

    public static IEndpointRouteBuilder MapCellViewApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cells/{cellId}").WithTags("City");

        // The wall may open a cell too; a screen in a public room is not shown the grid worker's phone.
        api.MapGet("/view", async (string cellId, ClaimsPrincipal user, CityGrid grid, IGrainFactory grains, CellPoints points) =>
            {
                if (grid.Find(cellId) is null || await grains.GetGrain<ICellGrain>(cellId).Get() is not { } cell)
                    return Problems.NotFound($"No grid cell {cellId}.");
                if (user.IsInRole(Roles.Wall))
                    cell = cell with { GridWorker = cell.GridWorker is { } w ? w with { Phone = null } : null, Checkins = [.. cell.Checkins.Select(c => c.WithoutNote())] };
                var view = JsonSerializer.SerializeToNode(cell, GrainJson.Options)!.AsObject();
                view["rapidResponsePoints"] = JsonSerializer.SerializeToNode(points.RapidResponse(cellId), GrainJson.Options);
                view["lockdownPoints"] = JsonSerializer.SerializeToNode(await points.Lockdown(cellId), GrainJson.Options);
                return Results.Json(view);
            })
            .Produces<CellView>()
            .WithDescription("The cell view (全息图): the cell's grain (station, grid worker, units inside, open and recent incidents, "
                             + "coverage) with the rapid-response points and the lockdown plans' points in it.")
            .RequireAuthorization(Roles.Policies.WallScreen);

        api.MapPut("/grid-worker", async (string cellId, GridWorkerRequest body, ClaimsPrincipal user, CityGrid grid, IGrainFactory grains) =>
        {
            if (grid.Find(cellId) is null) return Problems.NotFound($"No grid cell {cellId}.");
            if (Check(body) is { } error) return Problems.BadRequest(error);
            var worker = body.Name is null ? null : new GridWorker(body.Name.Trim(), string.IsNullOrWhiteSpace(body.Phone) ? null : body.Phone.Trim());
            await grains.GetGrain<ICellGrain>(cellId).SetGridWorker(worker, user.Who());
            return Results.Ok(await grains.GetGrain<ICellGrain>(cellId).Get());
        }).RequireAuthorization(Roles.Policies.ManageUnits);
        return app;
    }

    private static string? Check(GridWorkerRequest body) =>
        body.Name is null
            ? body.Phone is null ? null : "phone needs a name."
            : InputRules.Required("name", body.Name, InputRules.MaxNameLength)
              ?? (body.Phone is { Length: > 0 } phone && !phone.Trim().All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ') || body.Phone?.Length > MaxPhoneLength
                  ? $"phone must be at most {MaxPhoneLength} digits, spaces, '+' or '-'."
                  : null);
}
