using GridCommand.Rules.Geo;
using GridCommand.Rules.Units;

namespace GridCommand.Silo.Demo;

/// <summary>
/// How a simulated unit moves: patrols drive from waypoint to waypoint around their station, guards
/// and volunteers stroll near their post. Plain rules, stepped by the simulator.
/// </summary>
public sealed class Movement(DemoUnit unit, GeoBounds city, Random random)
{
    private const double PatrolRadiusMeters = 2500;
    private const double PostRadiusMeters = 80;

    private GeoPoint _target = unit.Home;

    public GeoPoint Position { get; private set; } = unit.Home.Offset(random.NextDouble() * PostRadiusMeters, random.NextDouble() * 360);
    public double HeadingDeg { get; private set; }
    public double SpeedKmh { get; } = CruiseKmh(unit.Kind);

    /// <summary>A task sends the unit straight to the scene; null lets it roam again.</summary>
    public GeoPoint? Destination { get; set; }

    public static double CruiseKmh(UnitKind kind) => kind switch
    {
        UnitKind.PatrolCar => 30,
        UnitKind.PatrolMotorbike => 25,
        UnitKind.PatrolBike => 12,
        _ => 4,
    };

    public void Step(TimeSpan elapsed)
    {
        var goal = Destination ?? _target;
        var stepMeters = SpeedKmh / 3.6 * elapsed.TotalSeconds;
        var remaining = Position.DistanceTo(goal);
        if (remaining <= stepMeters)
        {
            Position = goal;
            if (Destination is null) _target = NextWaypoint();
            return;
        }
        HeadingDeg = Position.HeadingTo(goal);
        Position = Position.Offset(stepMeters, HeadingDeg);
    }

    private GeoPoint NextWaypoint()
    {
        var radius = unit.Kind is UnitKind.Guard or UnitKind.Volunteer ? PostRadiusMeters : PatrolRadiusMeters;
        var p = unit.Home.Offset(random.NextDouble() * radius, random.NextDouble() * 360);
        return new GeoPoint(Math.Clamp(p.Lat, city.South, city.North), Math.Clamp(p.Lon, city.West, city.East));
    }
}
