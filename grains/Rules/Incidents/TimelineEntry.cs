namespace GridCommand.Rules.Incidents;

/// <summary>One step of an incident's history as shown to people.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string What, string By, string? Detail = null);
