using GridCommand.Rules.Cells;

namespace GridCommand.Contracts.Cells;

/// <summary>A cell's open incidents by id; immutable, so a silo hands it on without copying.</summary>
[GenerateSerializer, Immutable]
public sealed record OpenIncidentsInCell(IReadOnlyDictionary<string, OpenIncidentRef> Incidents);
