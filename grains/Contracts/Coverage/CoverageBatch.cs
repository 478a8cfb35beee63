using GridCommand.Rules.Coverage;

namespace GridCommand.Contracts.Coverage;

/// <summary>What one silo's units told one cell about their reach in one flush interval: the newest entry per unit.</summary>
[GenerateSerializer, Immutable]
public sealed record CoverageBatch(IReadOnlyList<CoverageEntry> Entries);
