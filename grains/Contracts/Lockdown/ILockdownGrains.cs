using GridCommand.Contracts.Incidents;
using GridCommand.Rules.Lockdown;
using Orleans.Concurrency;

namespace GridCommand.Contracts.Lockdown;

/// <summary>The city's lockdown plans and its active activations (key <see cref="CityKeys.City"/>).</summary>
public interface ILockdownCatalogueGrain : IGrainWithStringKey
{
    Task<IReadOnlyList<PlanSummary>> Plans();

    /// <summary>From a plan grain, after it saved.</summary>
    Task PlanSaved(PlanSummary plan);

    Task<IReadOnlyList<string>> ActiveActivations();

    /// <summary>From an activation grain: activated (true) or stood down (false).</summary>
    Task ActivationChanged(string activationId, bool active);
}

/// <summary>A lockdown plan, keyed by its id.</summary>
public interface ILockdownPlanGrain : IGrainWithStringKey
{
    /// <returns>null for a plan never saved.</returns>
    Task<PlanView?> Get();

    /// <returns>null for a plan never saved.</returns>
    Task<PlanSummary?> Summary();

    /// <summary>Saves the plan: a new one when <paramref name="create"/> (refused if it exists), else an edit (refused if it does not).</summary>
    Task<PlanView> Save(string name, IReadOnlyList<LockdownPoint> points, bool create, string by);

    /// <summary>A plan from configuration: saved only when it is not there yet, so edits made in the console stay.</summary>
    Task SeedIfMissing(string name, IReadOnlyList<LockdownPoint> points);
}

/// <param name="Rings">the rings to staff; all of the plan's when null</param>
[GenerateSerializer, Immutable]
public sealed record ActivationOrder(string PlanId, string? IncidentId, IReadOnlyList<Ring>? Rings, bool Drill, string By);

/// <summary>
/// A plan put into action, keyed by its id ("L…"). Assigns the nearest suitable unit to every point (the unit grain
/// decides whether it is free), tracks points until staffed, re-offers declined or lapsed points, and stands down.
/// </summary>
public interface ILockdownActivationGrain : ITaskOwnerGrain
{
    /// <exception cref="Refusal">no such plan or incident; no point in the rings; activated already</exception>
    Task<ActivationView> Activate(ActivationOrder order);

    /// <returns>null for an id never activated.</returns>
    /// <remarks>Answered between the steps of a round too: a first round of 139 offers may take longer than a screen waits.</remarks>
    [AlwaysInterleave]
    Task<ActivationView?> Get();

    /// <summary>Every unit is released and its phone hears the task withdrawn.</summary>
    Task<ActivationView> StandDown(string by);
}
