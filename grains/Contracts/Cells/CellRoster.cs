using GridCommand.Rules.Cells;
using GridCommand.Rules.Units;

namespace GridCommand.Contracts.Cells;

/// <summary>A cell's units; immutable, so a silo hands it on without copying.</summary>
[GenerateSerializer, Immutable]
public sealed record CellRoster(IReadOnlyList<UnitSnapshot> Units);

/// <summary>A cell's open incidents by id; immutable, so a silo hands it on without copying.</summary>
[GenerateSerializer, Immutable]
public sealed record OpenIncidentsInCell(IReadOnlyDictionary<string, OpenIncidentRef> Incidents);
