namespace GridCommand.Grains;

/// <summary>The "Grains" section: timings of the grains.</summary>
public sealed record GrainSettings
{
    /// <summary>A unit whose last fix is older than this is stale.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The most position history a crash may lose: the silo's position journal saves the units' newest fixes
    /// in one batch at least this often. Commands (enrol, duty, tasks) are saved at once, whatever this says.
    /// </summary>
    public TimeSpan PositionSaveInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Cell rosters are derived from the units; a cell saves at most this often.</summary>
    public TimeSpan CellSaveInterval { get; init; } = TimeSpan.FromSeconds(10);
}
