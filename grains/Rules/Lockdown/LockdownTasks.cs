namespace GridCommand.Rules.Lockdown;

/// <summary>What a unit's phone is told of a lockdown point: a task type of its own, and what to do in words.</summary>
public static class LockdownTasks
{
    /// <summary>"lockdown-checkpoint" or "lockdown-blocking-point": the field page shows these in its language.</summary>
    public static string Type(PointKind kind) => $"lockdown-{GrainJson.WireName(kind)}";

    public static bool IsLockdown(string taskType) => taskType.StartsWith("lockdown-", StringComparison.Ordinal);

    /// <summary>In Chinese, the language of the radio; the field page words it in the user's own language from the type and address.</summary>
    public static string Description(LockdownPoint point) =>
        $"关城门：前往{(point.Kind == PointKind.Checkpoint ? "检查站" : "应急堵控点")}{point.Name}设卡堵控";
}
