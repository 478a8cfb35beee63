using GridCommand.Rules.Incidents;

namespace GridCommand.Contracts.Incidents;

/// <param name="DivertTo">the department a non-police matter goes to instead of police; null to dispatch police</param>
[GenerateSerializer, Immutable]
public sealed record IncidentOpening(
    string Type, int Priority, double Lat, double Lon, string? Address, string? Description,
    IncidentSource Source, string? DivertTo, DateTimeOffset At, string By);
