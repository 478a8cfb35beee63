namespace GridCommand.Rules.Incidents;

/// <summary>new → dispatched → on-scene → resolved → closed; or merged into another, or diverted to another department.</summary>
public enum IncidentStatus { New, Dispatched, OnScene, Resolved, Closed, Merged, Diverted }

public static class IncidentStatuses
{
    /// <summary>Still police work in hand: not yet resolved, closed, merged or diverted.</summary>
    public static bool IsOpen(this IncidentStatus status) =>
        status is IncidentStatus.New or IncidentStatus.Dispatched or IncidentStatus.OnScene;
}
