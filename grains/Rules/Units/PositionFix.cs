using GridCommand.Rules.Geo;

namespace GridCommand.Rules.Units;

/// <summary>One position report from a unit's device. A struct of plain values: it is the hot path, shared without copying.</summary>
public readonly record struct PositionFix(GeoPoint Position, DateTimeOffset At, double? SpeedKmh = null, double? HeadingDeg = null, double? AccuracyM = null);
