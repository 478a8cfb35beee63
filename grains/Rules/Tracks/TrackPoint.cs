using GridCommand.Rules.Units;

namespace GridCommand.Rules.Tracks;

/// <summary>One point of a unit's track: where it was, when, and its duty status then.</summary>
public readonly record struct TrackPoint(DateTimeOffset At, double Lat, double Lon, DutyStatus Status);
