using GridCommand.Rules.Coverage;

namespace GridCommand.Grains.Coverage;

/// <summary>Where a unit grain leaves what its cells must hear of its reach: gathered per cell and sent on a timer, never one call per entry.</summary>
public interface ICoverageMailbox
{
    void Tell(string cellId, CoverageEntry entry);
}
