using GridCommand.Rules.Geo;
using GridCommand.Rules.Units;

namespace GridCommand.Rules.Dispatch;

/// <summary>How long a unit needs to reach a place. One interface so a road router can replace the straight line.</summary>
public interface IEtaEstimator
{
    TimeSpan Estimate(GeoPoint from, GeoPoint to, UnitKind kind);
}

/// <summary>Straight-line distance × a detour factor / the typical urban speed of the unit's kind.</summary>
public sealed class StraightLineEta(DispatchSettings settings) : IEtaEstimator
{
    public TimeSpan Estimate(GeoPoint from, GeoPoint to, UnitKind kind) =>
        TimeSpan.FromSeconds(from.DistanceTo(to) * settings.DetourFactor / (settings.SpeedKmh(kind) / 3.6));
}
