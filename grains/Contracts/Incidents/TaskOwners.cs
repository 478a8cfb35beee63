using GridCommand.Rules.Incidents;
using GridCommand.Rules.Lockdown;
using GridCommand.Contracts.Lockdown;

namespace GridCommand.Contracts.Incidents;

/// <summary>Which grain a task id belongs to: "{incidentId}.T{n}" an incident's, "{activationId}.P{n}" a lockdown activation's.</summary>
public static class TaskOwners
{
    /// <returns>the owner, or null when the text is no task id.</returns>
    public static ITaskOwnerGrain? TaskOwner(this IGrainFactory grains, string taskId) =>
        TaskIds.IncidentOf(taskId) is { } incidentId ? grains.GetGrain<IIncidentGrain>(incidentId)
        : LockdownTaskIds.Parse(taskId) is { } point ? grains.GetGrain<ILockdownActivationGrain>(point.ActivationId)
        : null;
}
