using GridCommand.Contracts;
using GridCommand.Contracts.Lockdown;
using GridCommand.Rules.Lockdown;

namespace GridCommand.Grains.Lockdown;

/// <summary>One lockdown plan: its points, saved with an entry in the event log; the catalogue hears of every save.</summary>
public sealed class LockdownPlanGrain(
    [PersistentState(GrainKinds.LockdownPlan, GrainKinds.Storage)] IPersistentState<PlanState> state,
    GridServices services)
    : GridGrain<PlanState>(state, services, GrainKinds.LockdownPlan), ILockdownPlanGrain
{
    public Task<PlanView?> Get() => Task.FromResult(State.Exists ? LockdownViews.Of(Id, State) : null);

    public Task<PlanSummary?> Summary() => Task.FromResult(State.Exists ? LockdownViews.Summary(Id, State) : null);

    public async Task<PlanView> Save(string name, IReadOnlyList<LockdownPoint> points, bool create, string by)
    {
        if (create && State.Exists) throw Refusal.Conflict($"Plan {Id} already exists.");
        if (!create && !State.Exists) throw Refusal.NotFound($"No plan {Id}.");
        await Store(name, points, create ? "lockdown.plan-created" : "lockdown.plan-edited", by);
        return LockdownViews.Of(Id, State);
    }

    public async Task SeedIfMissing(string name, IReadOnlyList<LockdownPoint> points)
    {
        if (!State.Exists) await Store(name, points, "lockdown.plan-seeded", "configuration");
    }

    private async Task Store(string name, IReadOnlyList<LockdownPoint> points, string what, string by)
    {
        State.Save(name, points, Runtime.Now, by);
        await Save(what, by, $"{name}: {points.Count} points, version {State.Version}");
        await Grains.GetGrain<ILockdownCatalogueGrain>(CityKeys.City).PlanSaved(LockdownViews.Summary(Id, State));
    }
}
