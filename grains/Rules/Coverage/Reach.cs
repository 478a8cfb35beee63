using GridCommand.Rules.Dispatch;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Units;

namespace GridCommand.Rules.Coverage;

/// <summary>
/// A unit's reach: the cells whose centre it could reach within the configured time, each with its ETA by the
/// dispatch ETA model. Only cells within the kind's speed × the time (straight line, no detour: no route is
/// shorter) are looked at, through the grid's buckets.
/// </summary>
public sealed class Reach(CityGrid grid, DispatchSettings dispatch, Recommender eta, CoverageSettings settings)
{
    private readonly int _maxSeconds = (int)settings.Reach.TotalSeconds;

    public Dictionary<string, int> Of(GeoPoint from, UnitKind kind)
    {
        var reach = new Dictionary<string, int>();
        var meters = dispatch.SpeedKmh(kind) / 3.6 * _maxSeconds;
        foreach (var cell in grid.CellsWithCentreWithin(from, meters))
        {
            var seconds = eta.EtaSeconds(from, cell.Centre, kind);
            if (seconds <= _maxSeconds) reach[cell.Id] = seconds;
        }
        return reach;
    }
}
