using GridCommand.Grains;
using GridCommand.Grains.Incidents;
using GridCommand.Grains.Messages;
using GridCommand.Silo.Hosting;

namespace GridCommand.Web.Live;

/// <summary>A device's answers, the same whether they come over REST or the field hub.</summary>
public sealed class TaskAnswers(GridNode node)
{
    /// <returns><see cref="TaskView"/> or <see cref="Rejected"/>.</returns>
    public async Task<object> Answer(string unitId, string taskId, TaskAnswer answer, string? remark)
    {
        if (remark is { Length: > Apis.InputRules.MaxTextLength })
            return new Rejected(RejectionCode.Invalid, $"The text is longer than {Apis.InputRules.MaxTextLength} characters.");
        return TaskIds.IncidentOf(taskId) is { } incidentId
            ? await node.Ask(node.Incidents, new AnswerTask(incidentId, taskId, unitId, answer, remark))
            : new Rejected(RejectionCode.NotFound, $"No task {taskId}.");
    }

    /// <summary>The unit's current task, if it has one.</summary>
    public async Task<TaskView?> CurrentTask(string unitId)
    {
        if (await node.Ask(node.Units, new GetUnit(unitId)) is not UnitView { Unit.TaskId: { } taskId }) return null;
        return TaskIds.IncidentOf(taskId) is { } incidentId
            ? await node.Ask(node.Incidents, new GetTask(incidentId, taskId)) as TaskView
            : null;
    }
}
