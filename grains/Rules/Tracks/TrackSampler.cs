using GridCommand.Rules.Units;

namespace GridCommand.Rules.Tracks;

/// <summary>
/// Which of a unit's changes become track points: at most one a <see cref="Interval"/> while it only moves, and
/// every change of status at once (with the status), so a replay shows each dispatch, arrival and return. One per
/// unit, kept in the unit's memory: the grain runs it on every change, so it must be cheap.
/// </summary>
public sealed class TrackSampler(TimeSpan interval)
{
    private DateTimeOffset? _lastFixAt;
    private DutyStatus? _lastStatus;

    public TimeSpan Interval { get; } = interval;

    /// <param name="unit">the unit after the change</param>
    /// <param name="now">when the change happened: a status change's point is stamped with it, a move's with its fix time</param>
    /// <returns>the point to keep, or null when the unit has no position yet, or moved again within the interval.</returns>
    /// <remarks>
    /// The interval is counted in the device's fix times only, so a status change (stamped by the server's clock, which
    /// may be ahead of or behind the device's) neither resets it nor lets a lagging fix through.
    /// </remarks>
    public TrackPoint? Take(UnitSnapshot unit, DateTimeOffset now)
    {
        if (unit.Lat is not { } lat || unit.Lon is not { } lon) return null;
        if (_lastStatus is { } last && last != unit.Status)
        {
            _lastStatus = unit.Status;
            return new TrackPoint(now, lat, lon, unit.Status);
        }
        _lastStatus = unit.Status;
        var at = unit.FixAt ?? now;
        if (_lastFixAt is { } lastAt && (at - lastAt).Duration() < Interval) return null;
        _lastFixAt = at;
        return new TrackPoint(at, lat, lon, unit.Status);
    }
}
