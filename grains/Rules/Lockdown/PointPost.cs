using GridCommand.Rules.Units;

namespace GridCommand.Rules.Lockdown;

/// <summary>On the wire "unstaffed", "en-route" (a unit is given the point), "staffed" (its unit is within reach of it).</summary>
public enum PointState { Unstaffed, EnRoute, Staffed }

/// <summary>One point of an activation and the unit holding it.</summary>
public sealed class PointPost
{
    /// <summary>1-based, the point's place in the activation: its task id is "{activationId}.P{N}".</summary>
    public int N { get; set; }
    public LockdownPoint Point { get; set; } = null!;
    public PointState State { get; set; }
    public string? UnitId { get; set; }
    public string? UnitName { get; set; }
    public UnitKind? UnitKind { get; set; }
    public int EtaSeconds { get; set; }
    public bool Accepted { get; set; }
    public DateTimeOffset? AssignedAt { get; set; }
    public DateTimeOffset? StaffedAt { get; set; }
    /// <summary>Units that declined this point or let its offer lapse: not asked for it again.</summary>
    public List<string> Refused { get; set; } = [];
}
