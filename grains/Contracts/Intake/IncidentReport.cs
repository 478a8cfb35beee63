using GridCommand.Rules.Geo;
using GridCommand.Rules.Incidents;

namespace GridCommand.Contracts.Intake;

/// <summary>A report of an incident as it comes in, already validated.</summary>
/// <param name="Divert">divert a non-police matter to its department instead of dispatching police</param>
[GenerateSerializer, Immutable]
public sealed record IncidentReport(
    IncidentType Type, int Priority, GeoPoint At, string? Address, string? Description, IncidentSource Source,
    string? RequestId, bool Divert, string By);
