namespace GridCommand.Rules.Coverage;

/// <summary>The "Coverage" section: how far a unit's reach goes, how much an ETA must change before its cells hear of it, how often the reach is sent again.</summary>
public sealed record CoverageSettings
{
    /// <summary>The reach: the cells whose centre a unit could reach within this (the "5" of 1-3-5 minutes).</summary>
    public TimeSpan Reach { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A unit tells a cell again only when its ETA there changed by at least this: a few steps on foot change nothing a wall shows.</summary>
    public TimeSpan EtaStep { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A unit sends its whole reach again this often, so cells that lost their entries (a silo died) recover.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often each silo's coverage mailbox sends what it gathered, one call per cell.</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A cell forgets a unit's entry that was not refreshed for this many refresh intervals (its unit's silo died).</summary>
    public int ExpireAfterRefreshes { get; init; } = 3;

    public TimeSpan EntryLifetime => RefreshInterval * ExpireAfterRefreshes;
}
