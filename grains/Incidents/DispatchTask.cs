using GridCommand.Grains.Units;

namespace GridCommand.Grains.Incidents;

/// <summary>
/// assigned → accepted (en route) → on-scene → done; or declined, timed-out (no answer in time) or
/// cancelled (withdrawn by a dispatcher: cancel or reassign, or the incident closed).
/// </summary>
public enum TaskStatus { Assigned, Accepted, OnScene, Done, Declined, TimedOut, Cancelled }

/// <summary>What a unit's device may answer to its task.</summary>
public enum TaskAnswer { Accept, Decline, Arrive, Complete }

/// <summary>A radio task: one unit sent to one incident.</summary>
public sealed class DispatchTask
{
    public string TaskId { get; set; } = "";
    public string UnitId { get; set; } = "";
    public string UnitName { get; set; } = "";
    public UnitKind UnitKind { get; set; }
    public int EtaSeconds { get; set; }
    public TaskStatus Status { get; set; }
    public string By { get; set; } = "";
    public DateTimeOffset AssignedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? ArrivedAt { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    /// <summary>A decline's reason, a completion's note, or why it was cancelled.</summary>
    public string? Remark { get; set; }

    public bool IsActive => Status is TaskStatus.Assigned or TaskStatus.Accepted or TaskStatus.OnScene;
}
