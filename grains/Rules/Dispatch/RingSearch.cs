using GridCommand.Rules.Geo;

namespace GridCommand.Rules.Dispatch;

/// <summary>
/// Which cells to look in for candidates: the incident's cell, then ring after ring of neighbours,
/// until enough candidates were seen (plus one more ring, since a fast car further out can beat a
/// guard on foot nearby) or the rings are past the maximum radius.
/// </summary>
public static class RingSearch
{
    public static async Task<List<T>> Gather<T>(
        CityGrid grid, string cellId, GeoPoint scene, double maxMeters, int wanted,
        Func<IReadOnlyList<string>, Task<IReadOnlyList<T>>> lookInCells)
    {
        var found = new List<T>();
        var extraRingsLeft = 1;
        foreach (var ring in grid.RingsAround(cellId))
        {
            var inReach = ring.Where(id => ClosestApproach(grid, id, scene) <= maxMeters).ToList();
            if (inReach.Count == 0) break;
            found.AddRange(await lookInCells(inReach));
            if (found.Count >= wanted && extraRingsLeft-- == 0) break;
        }
        return found;
    }

    /// <summary>A cheap lower bound of how near a cell comes to the scene: its centre distance less half its diagonal.</summary>
    private static double ClosestApproach(CityGrid grid, string cellId, GeoPoint scene)
    {
        var cell = grid.Find(cellId)!;
        var b = cell.Bounds;
        var halfDiagonal = new GeoPoint(b.South, b.West).DistanceTo(new GeoPoint(b.North, b.East)) / 2;
        return Math.Max(0, cell.Centre.DistanceTo(scene) - halfDiagonal);
    }
}
