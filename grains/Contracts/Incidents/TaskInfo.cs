using GridCommand.Rules.Units;

namespace GridCommand.Contracts.Incidents;

/// <summary>A task as the incident's view lists it.</summary>
[GenerateSerializer, Immutable]
public sealed record TaskInfo(
    string TaskId, string UnitId, string UnitName, UnitKind UnitKind, int EtaSeconds, Rules.Incidents.TaskStatus Status, string By,
    DateTimeOffset AssignedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? ArrivedAt, DateTimeOffset? DoneAt, string? Remark);
