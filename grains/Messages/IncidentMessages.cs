using GridCommand.Grains.Dispatch;
using GridCommand.Grains.Incidents;
using GridCommand.Grains.Units;

namespace GridCommand.Grains.Messages;

public interface IIncidentMessage : IGrainMessage
{
    string IncidentId { get; }
    string IGrainMessage.EntityId => IncidentId;
}

/// <summary>Opens a new incident (diverted when <paramref name="DivertTo"/> names a department); saved before the reply (<see cref="IncidentView"/>).</summary>
public sealed record OpenIncident(
    string IncidentId, string Type, int Priority, double Lat, double Lon, string? Address, string? Description,
    IncidentSource Source, string? DivertTo, DateTimeOffset At, string By) : IIncidentMessage;

/// <summary>Another report of the same incident; replies <see cref="IncidentView"/>.</summary>
public sealed record RepeatCall(string IncidentId, IncidentSource Source, string? Description, string? RequestId, DateTimeOffset At, string By) : IIncidentMessage;

public sealed record GetIncident(string IncidentId) : IIncidentMessage;

/// <summary>Replies <see cref="RecommendationList"/>.</summary>
public sealed record GetRecommendations(string IncidentId, int Limit, UnitKind? Kind) : IIncidentMessage;

public sealed record RecommendationList(IReadOnlyList<Recommendation> Units) : IProtocolMessage;

/// <summary>
/// Sends a unit: the named one, or the top recommendation. Replies <see cref="TaskAssigned"/>, or
/// <see cref="Rejected"/> (409 with the next choice when the unit was taken meanwhile).
/// </summary>
public sealed record DispatchUnit(string IncidentId, string? UnitId, string? RequestId, bool Backup, bool OverrideDiversion, string By) : IIncidentMessage;

public sealed record TaskAssigned(string TaskId, string UnitId, int EtaSeconds) : IProtocolMessage;

/// <summary>A device's answer to its task; replies <see cref="TaskView"/>.</summary>
public sealed record AnswerTask(string IncidentId, string TaskId, string UnitId, TaskAnswer Answer, string? Remark) : IIncidentMessage;

/// <summary>A dispatcher withdraws a task; with <paramref name="Reassign"/> the next unit (or <paramref name="UnitId"/>) gets it. Replies <see cref="IncidentView"/>.</summary>
public sealed record WithdrawTask(string IncidentId, string TaskId, string? Reason, bool Reassign, string? UnitId, string By) : IIncidentMessage;

public sealed record CloseIncident(string IncidentId, string Resolution, string By) : IIncidentMessage;

/// <summary>Replies <see cref="TaskView"/> (a device fetching its current task on reconnect).</summary>
public sealed record GetTask(string IncidentId, string TaskId) : IIncidentMessage;

public sealed record TaskInfo(
    string TaskId, string UnitId, string UnitName, UnitKind UnitKind, int EtaSeconds, Incidents.TaskStatus Status, string By,
    DateTimeOffset AssignedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? ArrivedAt, DateTimeOffset? DoneAt, string? Remark);

public sealed record IncidentView(
    string Id, string Type, int Priority, double Lat, double Lon, string? Address, string? Description,
    IncidentSource Source, string? CellId, IncidentStatus Status, DateTimeOffset CreatedAt, int ReportCount,
    string? DivertedTo, string? Resolution, DateTimeOffset? FirstDispatchAt, DateTimeOffset? FirstOnSceneAt, DateTimeOffset? ClosedAt,
    IReadOnlyList<TaskInfo> Tasks, IReadOnlyList<TimelineEntry> Timeline, long Seq) : IProtocolMessage;

/// <summary>A task as the unit's phone sees it.</summary>
public sealed record TaskView(
    string TaskId, string IncidentId, string UnitId, string Type, int Priority, double Lat, double Lon, string? Address,
    string? Description, int EtaSeconds, Incidents.TaskStatus Status) : IProtocolMessage;

/// <summary>Published on the field topic: a task for a unit's phone, or its withdrawal.</summary>
public sealed record TaskOffered(string UnitId, TaskView Task) : IProtocolMessage;

public sealed record TaskWithdrawn(string UnitId, string TaskId) : IProtocolMessage;
