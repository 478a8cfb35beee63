using GridCommand.Rules.Units;

namespace GridCommand.Rules.Incidents;

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
    /// <summary>The volunteer order the unit claimed to get this task; null for a dispatched task.</summary>
    public string? OrderId { get; set; }

    public bool IsActive => Status.IsActive();
}
