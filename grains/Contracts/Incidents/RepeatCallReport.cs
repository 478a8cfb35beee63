using GridCommand.Rules.Incidents;

namespace GridCommand.Contracts.Incidents;

[GenerateSerializer, Immutable]
public sealed record RepeatCallReport(IncidentSource Source, string? Description, string? RequestId, DateTimeOffset At, string By);
