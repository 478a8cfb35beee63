using GridCommand.Rules.Geo;
using Xunit;
using static GridCommand.Tests.Rules.TestCity;

namespace GridCommand.Tests.Rules;

public sealed class CityGridTests
{
    [Fact]
    public void Generated_grid_covers_the_box_with_500_m_cells()
    {
        Assert.Equal(36 * 36, Grid.Cells.Count);
        Assert.Equal("C00-00", Grid.CellAt(new GeoPoint(South + 1e-6, West + 1e-6))!.Id);
        Assert.Equal("C35-35", Grid.CellAt(new GeoPoint(North - 1e-6, East - 1e-6))!.Id);
        var cell = Grid.Find("C10-12")!;
        Assert.InRange(cell.Polygon[0].DistanceTo(cell.Polygon[1]), 499, 501); // south-north edge
        Assert.InRange(cell.Polygon[1].DistanceTo(cell.Polygon[2]), 499, 501); // west-east edge
        Assert.Equal("测试区", cell.District);
    }

    [Fact]
    public void CellAt_finds_the_cell_of_a_point_inside_and_nothing_outside()
    {
        Assert.Equal("C10-12", Grid.CellAt(At(10.5, 12.5))?.Id);
        Assert.Equal("C10-12", Grid.CellAt(Centre("C10-12"))?.Id);

        Assert.Null(Grid.CellAt(new GeoPoint(South - 0.001, 119.40)));
        Assert.Null(Grid.CellAt(new GeoPoint(32.40, East + 0.01)));
        Assert.Null(Grid.CellAt(new GeoPoint(0, 0)));
    }

    [Fact]
    public void Ring_0_is_the_cell_and_ring_1_its_eight_neighbours()
    {
        var rings = Grid.RingsAround("C10-12").ToList();

        Assert.Equal(["C10-12"], rings[0]);
        Assert.Equal(
            ["C09-11", "C09-12", "C09-13", "C10-11", "C10-13", "C11-11", "C11-12", "C11-13"],
            rings[1].Order(StringComparer.Ordinal));
        Assert.Equal(16, rings[2].Count);
        Assert.Contains("C08-10", rings[2]);
        Assert.Contains("C12-14", rings[2]);
    }

    [Theory]
    [InlineData("C00-00", 3)]
    [InlineData("C35-35", 3)]
    [InlineData("C00-10", 5)]
    [InlineData("C17-35", 5)]
    public void Corner_cells_have_3_neighbours_and_edge_cells_5(string cellId, int neighbours)
    {
        var rings = Grid.RingsAround(cellId).ToList();
        Assert.Equal(neighbours, rings[1].Count);
        Assert.Equal(neighbours, Grid.Find(cellId)!.Neighbours.Count);
    }

    [Fact]
    public void Rings_reach_every_cell_exactly_once()
    {
        var all = Grid.RingsAround("C00-00").SelectMany(r => r).ToList();

        Assert.Equal(Grid.Cells.Count, all.Count);
        Assert.Equal(Grid.Cells.Count, all.Distinct().Count());
        Assert.Equal(36, Grid.RingsAround("C00-00").Count()); // the far corner is 35 steps away
    }

    [Fact]
    public void Rings_around_an_unknown_cell_are_empty() => Assert.Empty(Grid.RingsAround("nowhere"));

    [Fact]
    public void GeoJson_cells_that_share_an_edge_are_neighbours_and_CellAt_finds_them()
    {
        // GeoJSON coordinates are [lon, lat]. West and East share the edge lon 119.41; Far is apart.
        const string json = """
            {
              "type": "FeatureCollection",
              "features": [
                { "type": "Feature", "properties": { "id": "W", "name": "西网格", "district": "鼓楼区" },
                  "geometry": { "type": "Polygon", "coordinates": [[[119.40, 32.40], [119.41, 32.40], [119.41, 32.41], [119.40, 32.41], [119.40, 32.40]]] } },
                { "type": "Feature", "properties": { "id": "E", "name": "东网格" },
                  "geometry": { "type": "Polygon", "coordinates": [[[119.41, 32.40], [119.42, 32.40], [119.42, 32.41], [119.41, 32.41], [119.41, 32.40]]] } },
                { "type": "Feature", "properties": { "id": 7 },
                  "geometry": { "type": "Polygon", "coordinates": [[[119.45, 32.40], [119.46, 32.40], [119.46, 32.41], [119.45, 32.41], [119.45, 32.40]]] } }
              ]
            }
            """;

        var grid = GridLayouts.FromGeoJson(json);

        Assert.Equal(["E"], grid.Find("W")!.Neighbours);
        Assert.Equal(["W"], grid.Find("E")!.Neighbours);
        Assert.Empty(grid.Find("7")!.Neighbours);
        Assert.Equal(("西网格", "鼓楼区"), (grid.Find("W")!.Name, grid.Find("W")!.District));
        Assert.Equal(("东网格", ""), (grid.Find("E")!.Name, grid.Find("E")!.District));
        Assert.Equal("7", grid.Find("7")!.Name);

        Assert.Equal("W", grid.CellAt(new GeoPoint(32.405, 119.405))?.Id);
        Assert.Equal("E", grid.CellAt(new GeoPoint(32.405, 119.415))?.Id);
        Assert.Equal("7", grid.CellAt(new GeoPoint(32.401, 119.459))?.Id);
        Assert.Null(grid.CellAt(new GeoPoint(32.405, 119.435))); // between E and 7, inside the overall box
        Assert.Null(grid.CellAt(new GeoPoint(32.415, 119.405))); // north of everything
        Assert.Equal([["W"], ["E"]], grid.RingsAround("W").Select(r => r.ToArray()).ToArray());
    }
}
