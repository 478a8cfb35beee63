using GridCommand.Rules.Units;

namespace GridCommand.Rules.Tracks;

/// <summary>
/// Which of a unit's changes become track points: at most one a <see cref="Interval"/> while it only moves, and
/// every change of status at once (with the status), so a replay shows each dispatch, arrival and return. One per
/// unit, kept in the unit's memory: the grain runs it on every change, so it must be cheap.
/// </summary>
public sealed class TrackSampler(TimeSpan interval)
{
    private DateTimeOffset? _lastAt;
    private DutyStatus? _lastStatus;

    public TimeSpan Interval { get; } = interval;

    /// <param name="unit">the unit after the change</param>
    /// <param name="now">when the change happened: a status change's point is stamped with it, a move's with its fix time</param>
    /// <returns>the point to keep, or null when the unit has no position yet, or moved again within the interval.</returns>
    public TrackPoint? Take(UnitSnapshot unit, DateTimeOffset now)
    {
        if (unit.Lat is not { } lat || unit.Lon is not { } lon) return null;
        var statusChanged = _lastStatus is { } last && last != unit.Status;
        var at = statusChanged ? now : unit.FixAt ?? now;
        if (!statusChanged && _lastAt is { } lastAt && (at - lastAt).Duration() < Interval) return null;
        _lastAt = at;
        _lastStatus = unit.Status;
        return new TrackPoint(at, lat, lon, unit.Status);
    }
}
