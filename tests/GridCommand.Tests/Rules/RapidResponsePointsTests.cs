using GridCommand.Rules.Coverage;
using GridCommand.Silo.Demo;

namespace GridCommand.Tests.Rules;

/// <summary>The demo city's rapid-response points and the check of configured ones.</summary>
public sealed class RapidResponsePointsTests
{
    [Fact]
    public void The_demo_city_has_69_rapid_response_points_each_held_by_its_post_guards_and_a_patrol()
    {
        var city = new DemoCity(TestCity.Grid, new SimulationOptions());
        var points = DemoRapidResponsePoints.Of(city);

        Assert.Equal(69, points.Count);
        Assert.Equal(69, points.Select(p => p.Id).Distinct().Count());
        var units = city.Units.ToDictionary(u => u.Id);
        foreach (var point in points)
        {
            Assert.Null(point.Problem());
            Assert.Contains(point.Units, id => id.StartsWith('P'));
            Assert.All(point.Units, id => Assert.True(units.ContainsKey(id), $"{point.Id} is held by unknown unit {id}"));
            Assert.Contains(point.Units, id => units[id].PostName is { } post && point.Name.Contains(post));
            Assert.NotNull(TestCity.Grid.CellAt(new(point.Lat, point.Lon)));
        }
        Assert.Equal(points.Select(p => p.Name), DemoRapidResponsePoints.Of(new DemoCity(TestCity.Grid, new SimulationOptions())).Select(p => p.Name));
    }

    [Fact]
    public void A_configured_point_needs_an_id_and_a_position_on_earth()
    {
        Assert.NotNull(new RapidResponsePoint { Lat = 32, Lon = 119 }.Problem());
        Assert.NotNull(new RapidResponsePoint { Id = "R1", Lat = 95, Lon = 119 }.Problem());
        Assert.Null(new RapidResponsePoint { Id = "R1", Lat = 32.4, Lon = 119.4, Units = ["P001"] }.Problem());
    }
}
