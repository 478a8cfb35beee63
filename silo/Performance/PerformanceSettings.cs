namespace GridCommand.Silo.Performance;

/// <summary>The "Performance" section: when a node adds up the past days a report may ask for, so no report waits for it.</summary>
public sealed class PerformanceSettings
{
    /// <summary>The first time after the node starts (late enough to stay out of a start's way).</summary>
    public TimeSpan KeepDaysAfterStart { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Then again this often (a new day settles once a day; a node that missed one catches up).</summary>
    public TimeSpan KeepDaysEvery { get; set; } = TimeSpan.FromHours(1);
}
