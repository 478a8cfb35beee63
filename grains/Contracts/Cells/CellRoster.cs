using GridCommand.Rules.Units;

namespace GridCommand.Contracts.Cells;

/// <summary>A cell's units; immutable, so a silo hands it on without copying.</summary>
[GenerateSerializer, Immutable]
public sealed record CellRoster(IReadOnlyList<UnitSnapshot> Units);
