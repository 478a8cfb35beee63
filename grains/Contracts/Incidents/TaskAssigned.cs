namespace GridCommand.Contracts.Incidents;

/// <summary>A dispatch done: the task and the unit it went to, with the unit's ETA.</summary>
[GenerateSerializer, Immutable]
public sealed record TaskAssigned(string TaskId, string UnitId, int EtaSeconds);
