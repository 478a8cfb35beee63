namespace GridCommand.Grains.Incidents;

/// <summary>new → dispatched → on-scene → resolved → closed; or merged into another, or diverted to another department.</summary>
public enum IncidentStatus { New, Dispatched, OnScene, Resolved, Closed, Merged, Diverted }

/// <summary>Where a report came from.</summary>
public enum IncidentSource { Call110, Radio, Chat, Camera, Patrol, WalkIn }

/// <summary>One step of an incident's history as shown to people.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string What, string By, string? Detail = null);

/// <summary>An incident (警情): what, where, how urgent, where it stands, and its timeline.</summary>
public sealed class IncidentState
{
    public string Type { get; set; } = "";
    public int Priority { get; set; }
    public double Lat { get; set; }
    public double Lon { get; set; }
    public string? Address { get; set; }
    public string? Description { get; set; }
    public IncidentSource Source { get; set; }
    public string? CellId { get; set; }
    public IncidentStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<TimelineEntry> Timeline { get; set; } = [];

    public bool Opened => Type.Length > 0;

    public bool IsOpen => Status is IncidentStatus.New or IncidentStatus.Dispatched or IncidentStatus.OnScene;
}
