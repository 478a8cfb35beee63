using GridCommand.Contracts;
using GridCommand.Contracts.Incidents;
using GridCommand.Contracts.Units;
using GridCommand.Rules;
using GridCommand.Rules.Incidents;
using GridCommand.Web.Apis;

namespace GridCommand.Web.Live;

/// <summary>A device's answers, the same whether they come over REST or the field hub.</summary>
public sealed class TaskAnswers(IGrainFactory grains)
{
    /// <exception cref="Refusal">a remark too long, no such task, another unit's task, or not in order</exception>
    public async Task<TaskView> Answer(string unitId, string taskId, TaskAnswer answer, string? remark)
    {
        // The hub's arguments are not route values: nothing has checked this id yet.
        if (GridIds.Check("taskId", taskId) is { } badId) throw new Refusal(RejectionCode.Invalid, badId);
        if (InputRules.Text("remark", remark, InputRules.MaxTextLength) is { } error) throw new Refusal(RejectionCode.Invalid, error);
        return grains.TaskOwner(taskId) is { } owner
            ? await owner.Answer(taskId, unitId, answer, remark)
            : throw Refusal.NotFound($"No task {taskId}.");
    }

    /// <summary>The unit's current task, if it has one.</summary>
    public async Task<TaskView?> CurrentTask(string unitId)
    {
        if (await grains.GetGrain<IUnitGrain>(unitId).Get() is not { Unit.TaskId: { } taskId }) return null;
        return grains.TaskOwner(taskId) is { } owner && await owner.GetTask(taskId) is { } task && task.UnitId == unitId ? task : null;
    }
}
