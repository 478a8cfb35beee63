using GridCommand.Rules.Incidents;

namespace GridCommand.Contracts.Incidents;

/// <summary>What owns a unit's radio task and takes its phone's answers: an incident, or a lockdown activation.</summary>
public interface ITaskOwnerGrain : IGrainWithStringKey
{
    /// <summary>A device's answer; only the task's own unit may answer, and a resent answer changes nothing.</summary>
    Task<TaskView> Answer(string taskId, string unitId, TaskAnswer answer, string? remark);

    /// <returns>the task as its unit's phone sees it, or null.</returns>
    Task<TaskView?> GetTask(string taskId);
}
