using GridCommand.Contracts.Units;
using GridCommand.Rules.Units;

namespace GridCommand.Grains.Dispatch;

/// <summary>Giving a unit a task through its grain, the arbiter of double dispatch.</summary>
public static class UnitOffer
{
    /// <returns>
    /// true when the unit took the task; false when it refused (taken meanwhile, off duty, stale) or did not answer in
    /// time: then it may have taken the task after all, so it is told to let it go rather than be held by a task nobody knows.
    /// </returns>
    public static async Task<bool> TryGive(IUnitGrain unit, string taskId)
    {
        var taken = await NoAnswer.OrDefault(Nullable(unit.TryAssign(taskId)));
        if (taken is null) _ = unit.StepTask(taskId, TaskStep.Release);
        return taken == true;
    }

    /// <summary>So that "no answer" (null) and "refused" (false) stay apart.</summary>
    private static async Task<bool?> Nullable(Task<bool> call) => await call;
}
