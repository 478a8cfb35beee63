using GridCommand.Contracts.Incidents;

namespace GridCommand.Contracts.Intake;

/// <summary>The incident a report ended up in; <see cref="DuplicateOf"/> is set when it was a repeat call.</summary>
[GenerateSerializer, Immutable]
public sealed record IntakeResult(IncidentView Incident, string? DuplicateOf, bool Created);
