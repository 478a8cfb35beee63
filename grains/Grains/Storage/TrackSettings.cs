namespace GridCommand.Grains.Storage;

/// <summary>The "Tracks" section: how units' tracks are sampled, saved and kept.</summary>
public sealed record TrackSettings
{
    /// <summary>A moving unit leaves at most one point this often; a change of status leaves one at once.</summary>
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Tracks older than this are deleted (checked every <see cref="PruneInterval"/>).</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(7);

    /// <summary>The points taken since the last save go to the database in one batch this often: a crash loses less.</summary>
    public TimeSpan SaveInterval { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan PruneInterval { get; init; } = TimeSpan.FromHours(1);
}
