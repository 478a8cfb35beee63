using GridCommand.Rules.Tracks;

namespace GridCommand.Grains.Storage;

/// <summary>The silo's track recorder: units hand it their sampled points, and it saves them in batches.</summary>
public interface ITrackRecorder
{
    /// <summary>How often a moving unit leaves a point (<see cref="TrackSettings.SampleInterval"/>).</summary>
    TimeSpan SampleInterval { get; }

    /// <summary>Notes a point of the unit's track; never waits for the database.</summary>
    void Record(string unitId, TrackPoint point);
}
