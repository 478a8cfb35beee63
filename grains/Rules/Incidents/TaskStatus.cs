namespace GridCommand.Rules.Incidents;

/// <summary>
/// assigned → accepted (en route) → on-scene → done; or declined, timed-out (no answer in time) or
/// cancelled (withdrawn by a dispatcher: cancel or reassign, or the incident closed).
/// </summary>
public enum TaskStatus { Assigned, Accepted, OnScene, Done, Declined, TimedOut, Cancelled }

public static class TaskStatuses
{
    /// <summary>The unit is still on it: assigned, accepted (en route) or on scene.</summary>
    public static bool IsActive(this TaskStatus status) => status is TaskStatus.Assigned or TaskStatus.Accepted or TaskStatus.OnScene;
}
