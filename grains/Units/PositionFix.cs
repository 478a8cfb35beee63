using GridCommand.Grains.Geo;

namespace GridCommand.Grains.Units;

/// <summary>One position report from a unit's device.</summary>
public sealed record PositionFix(GeoPoint Position, DateTimeOffset At, double? SpeedKmh = null, double? HeadingDeg = null, double? AccuracyM = null);
