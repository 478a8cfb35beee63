namespace GridCommand.Rules.Units;

/// <summary>What a position report changed, so the grain knows whom to tell.</summary>
/// <param name="Changed">the unit moved or became fresh: the wall should hear of it.</param>
/// <param name="StaleChanged">the unit was stale and is fresh again: its cell should hear of it.</param>
public sealed record FixOutcome(bool Changed, string? LeftCell, string? EnteredCell, bool StaleChanged)
{
    public static readonly FixOutcome Ignored = new(false, null, null, false);

    public bool CellChanged => LeftCell != EnteredCell;
}
