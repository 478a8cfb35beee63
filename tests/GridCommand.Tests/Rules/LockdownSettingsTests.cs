using GridCommand.Rules.Geo;
using GridCommand.Rules.Lockdown;
using GridCommand.Silo.Demo;
using GridCommand.Silo.Lockdown;
using Microsoft.Extensions.Configuration;

namespace GridCommand.Tests.Rules;

/// <summary>Plans from configuration (Lockdown:Plans) and the demo's 关城门 plan.</summary>
public sealed class LockdownSettingsTests
{
    private static readonly GeoBounds City = new(TestCity.South, TestCity.West, TestCity.North, TestCity.East);

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

    [Fact]
    public void A_configured_plan_is_read_with_its_points_and_the_demo_plan_comes_only_with_the_simulation()
    {
        var config = Config(("Lockdown:Plans:0:Id", "east-gate"), ("Lockdown:Plans:0:Name", "东区封控"),
            ("Lockdown:Plans:0:Points:0:Name", "东门检查站"), ("Lockdown:Plans:0:Points:0:Kind", "checkpoint"), ("Lockdown:Plans:0:Points:0:Ring", "city"),
            ("Lockdown:Plans:0:Points:0:Lat", "32.38"), ("Lockdown:Plans:0:Points:0:Lon", "119.51"));
        var (id, name, points) = Assert.Single(LockdownPlanSeeder.Plans(config, City));
        Assert.Equal(("east-gate", "东区封控"), (id, name));
        Assert.Equal(new LockdownPoint("K001", "东门检查站", PointKind.Checkpoint, Ring.City, 32.38, 119.51), Assert.Single(points));
        Assert.Contains(LockdownPlanSeeder.Plans(Config(("Simulation:Enabled", "true")), City), p => p.Id == LockdownDemoPlan.Id);
        Assert.Empty(LockdownPlanSeeder.Plans(Config(("Simulation:Enabled", "true"), ("Lockdown:DemoPlan", "false")), City));
    }

    [Fact]
    public void A_configured_plan_that_breaks_the_rules_stops_the_start_with_a_message_naming_it()
    {
        var config = Config(("Lockdown:Plans:0:Id", "bad"), ("Lockdown:Plans:0:Name", "坏预案"), ("Lockdown:Plans:0:Points:0:Name", "x"),
            ("Lockdown:Plans:0:Points:0:Kind", "gate"), ("Lockdown:Plans:0:Points:0:Ring", "city"), ("Lockdown:Plans:0:Points:0:Lat", "32.38"),
            ("Lockdown:Plans:0:Points:0:Lon", "119.51"));
        var error = Assert.Throws<InvalidOperationException>(() => LockdownPlanSeeder.Plans(config, City));
        Assert.Equal("Lockdown:Plans:0: points[0].kind must be one of checkpoint, blocking-point.", error.Message);
    }

    [Fact]
    public void The_demo_plan_has_139_blocking_points_on_three_rings_and_checkpoints_on_the_city_ring_all_inside_the_city()
    {
        var points = LockdownDemoPlan.Points(City);
        Assert.Equal(139, points.Count(p => p.Kind == PointKind.BlockingPoint));
        Assert.All(points.Where(p => p.Kind == PointKind.Checkpoint), p => Assert.Equal(Ring.City, p.Ring));
        Assert.Equal([Ring.City, Ring.Urban, Ring.Core], points.Select(p => p.Ring).Distinct());
        Assert.All(points, p => Assert.True(City.Contains(new GeoPoint(p.Lat, p.Lon)), p.Name));
        Assert.Equal(points.Count, points.Select(p => p.Id).Distinct().Count());
        Assert.Equal(points, LockdownDemoPlan.Points(City)); // the same on every start
        // The core ring is round the centre, the city ring near the edge.
        var centre = new GeoPoint((City.South + City.North) / 2, (City.West + City.East) / 2);
        double Mean(Ring r) => points.Where(p => p.Ring == r).Average(p => centre.DistanceTo(new GeoPoint(p.Lat, p.Lon)));
        Assert.True(Mean(Ring.Core) < Mean(Ring.Urban) && Mean(Ring.Urban) < Mean(Ring.City));
    }
}
