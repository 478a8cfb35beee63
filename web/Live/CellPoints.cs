using GridCommand.Contracts;
using GridCommand.Contracts.Lockdown;
using GridCommand.Grains.Dispatch;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Lockdown;
using GridCommand.Web.Apis;

namespace GridCommand.Web.Live;

/// <summary>A checkpoint or blocking point of a lockdown plan, as a cell view lists it.</summary>
public sealed record PlanPointInCell(string PlanId, string PlanName, LockdownPoint Point);

/// <summary>
/// The rapid-response points (configuration) and the lockdown plans' points (their plan grains) that lie in a cell,
/// for the cell view. Plans are few and small: they are read at each view rather than copied into every cell.
/// </summary>
public sealed class CellPoints(RapidResponsePoints rapid, CityGrid grid, LiveCity city, IGrainFactory grains)
{
    public IReadOnlyList<RapidResponsePointView> RapidResponse(string cellId)
    {
        var inCell = rapid.All.Where(p => In(cellId, p.Lat, p.Lon)).ToList();
        if (inCell.Count == 0) return [];
        var units = city.Units.ToDictionary(u => u.UnitId);
        return inCell.Select(p => RapidResponsePointView.Of(p, units)).ToList();
    }

    public async Task<IReadOnlyList<PlanPointInCell>> Lockdown(string cellId)
    {
        var summaries = await grains.GetGrain<ILockdownCatalogueGrain>(CityKeys.City).Plans();
        var plans = await Task.WhenAll(summaries.Select(s => NoAnswer.OrDefault(grains.GetGrain<ILockdownPlanGrain>(s.Id).Get())));
        return plans.OfType<PlanView>()
            .SelectMany(plan => plan.Points.Where(p => In(cellId, p.Lat, p.Lon)).Select(p => new PlanPointInCell(plan.Id, plan.Name, p)))
            .ToList();
    }

    private bool In(string cellId, double lat, double lon) => grid.CellAt(new GeoPoint(lat, lon))?.Id == cellId;
}
