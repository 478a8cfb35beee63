using GridCommand.Contracts;
using GridCommand.Contracts.Lockdown;
using GridCommand.Grains.Dispatch;
using GridCommand.Rules.Lockdown;

namespace GridCommand.Grains.Lockdown;

/// <summary>The list of plans and of active activations: what the console lists and a web node loads at start.</summary>
public sealed class LockdownCatalogueGrain(
    [PersistentState(GrainKinds.LockdownCatalogue, GrainKinds.Storage)] IPersistentState<LockdownCatalogue> state,
    GridServices services)
    : GridGrain<LockdownCatalogue>(state, services, GrainKinds.LockdownCatalogue), ILockdownCatalogueGrain
{
    public async Task<IReadOnlyList<PlanSummary>> Plans()
    {
        var plans = await Task.WhenAll(State.PlanIds.Select(id => NoAnswer.OrDefault(Grains.GetGrain<ILockdownPlanGrain>(id).Summary())));
        return plans.OfType<PlanSummary>().ToList();
    }

    public async Task PlanSaved(PlanSummary plan)
    {
        if (State.PlanIds.Add(plan.Id)) await Save();
    }

    public Task<IReadOnlyList<string>> ActiveActivations() => Task.FromResult<IReadOnlyList<string>>(State.Active.ToList());

    public async Task ActivationChanged(string activationId, bool active)
    {
        if (active ? State.Active.Add(activationId) : State.Active.Remove(activationId)) await Save();
    }
}
