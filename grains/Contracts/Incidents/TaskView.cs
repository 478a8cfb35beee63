namespace GridCommand.Contracts.Incidents;

/// <summary>A task as the unit's phone sees it.</summary>
[GenerateSerializer, Immutable]
public sealed record TaskView(
    string TaskId, string IncidentId, string UnitId, string Type, int Priority, double Lat, double Lon, string? Address,
    string? Description, int EtaSeconds, Rules.Incidents.TaskStatus Status);
