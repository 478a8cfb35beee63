namespace GridCommand.Rules.Incidents;

/// <summary>Where a report came from.</summary>
public enum IncidentSource { Call110, Radio, Chat, Camera, Patrol, WalkIn }
