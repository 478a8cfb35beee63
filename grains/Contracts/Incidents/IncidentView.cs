using GridCommand.Rules.Incidents;

namespace GridCommand.Contracts.Incidents;

[GenerateSerializer, Immutable]
public sealed record IncidentView(
    string Id, string Type, int Priority, double Lat, double Lon, string? Address, string? Description,
    IncidentSource Source, string? CellId, IncidentStatus Status, DateTimeOffset CreatedAt, int ReportCount,
    string? DivertedTo, string? Resolution, DateTimeOffset? FirstDispatchAt, DateTimeOffset? FirstOnSceneAt, DateTimeOffset? ClosedAt,
    IReadOnlyList<TaskInfo> Tasks, IReadOnlyList<TimelineEntry> Timeline, long Seq);
