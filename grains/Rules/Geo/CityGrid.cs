namespace GridCommand.Rules.Geo;

/// <summary>
/// The city's grid-cell layout, identical on every node (generated from configuration or loaded from
/// GeoJSON): finds the cell of a point and the rings of neighbouring cells around a cell.
/// </summary>
public sealed class CityGrid
{
    private const double BucketDegrees = 0.01;
    private readonly Dictionary<string, GridCell> _cells;
    private readonly Dictionary<(int, int), List<GridCell>> _buckets = new();
    /// <summary>Each cell once, in the bucket of its centre: a query by centre needs no de-duplication.</summary>
    private readonly Dictionary<(int, int), List<GridCell>> _centres = new();

    public CityGrid(IReadOnlyList<GridCell> cells)
    {
        if (cells.Count == 0) throw new ArgumentException("A city needs at least one grid cell.", nameof(cells));
        Cells = cells;
        _cells = cells.ToDictionary(c => c.Id);
        Bounds = new GeoBounds(
            cells.Min(c => c.Bounds.South), cells.Min(c => c.Bounds.West),
            cells.Max(c => c.Bounds.North), cells.Max(c => c.Bounds.East));
        foreach (var cell in cells)
            foreach (var key in BucketsOf(cell.Bounds))
                (_buckets.TryGetValue(key, out var list) ? list : _buckets[key] = []).Add(cell);
        foreach (var cell in cells)
        {
            var key = Bucket(cell.Centre.Lat, cell.Centre.Lon);
            (_centres.TryGetValue(key, out var list) ? list : _centres[key] = []).Add(cell);
        }
    }

    public IReadOnlyList<GridCell> Cells { get; }

    public GeoBounds Bounds { get; }

    public GridCell? Find(string cellId) => _cells.GetValueOrDefault(cellId);

    /// <summary>The cell containing <paramref name="p"/>, or null outside the grid.</summary>
    public GridCell? CellAt(GeoPoint p)
    {
        if (!Bounds.Contains(p) || !_buckets.TryGetValue(Bucket(p.Lat, p.Lon), out var candidates)) return null;
        foreach (var cell in candidates)
            if (cell.Contains(p)) return cell;
        // A point exactly on an outer edge is in no polygon by ray casting: the cell whose box holds it takes it.
        foreach (var cell in candidates)
            if (cell.Bounds.Contains(p)) return cell;
        return null;
    }

    /// <summary>Ring 0 is the cell itself, ring 1 its neighbours, ring k the cells k steps away.</summary>
    public IEnumerable<IReadOnlyList<string>> RingsAround(string cellId)
    {
        if (!_cells.ContainsKey(cellId)) yield break;
        var seen = new HashSet<string> { cellId };
        IReadOnlyList<string> ring = [cellId];
        while (ring.Count > 0)
        {
            yield return ring;
            ring = ring.SelectMany(id => _cells[id].Neighbours).Where(seen.Add).ToList();
        }
    }

    /// <summary>
    /// The cells whose centre lies within <paramref name="meters"/> of <paramref name="p"/>: only the buckets the circle's
    /// box touches are looked at, so a unit's reach costs a few dozen distances rather than a scan of the city.
    /// </summary>
    public IEnumerable<GridCell> CellsWithCentreWithin(GeoPoint p, double meters)
    {
        var dLat = meters / 111_320.0;
        var dLon = meters / (111_320.0 * Math.Max(0.01, Math.Cos(p.Lat * Math.PI / 180)));
        foreach (var key in BucketsOf(new GeoBounds(p.Lat - dLat, p.Lon - dLon, p.Lat + dLat, p.Lon + dLon)))
        {
            if (!_centres.TryGetValue(key, out var cells)) continue;
            foreach (var cell in cells)
                if (cell.Centre.DistanceTo(p) <= meters) yield return cell;
        }
    }

    private static (int, int) Bucket(double lat, double lon) =>
        ((int)Math.Floor(lat / BucketDegrees), (int)Math.Floor(lon / BucketDegrees));

    private static IEnumerable<(int, int)> BucketsOf(GeoBounds b)
    {
        var (s, w) = Bucket(b.South, b.West);
        var (n, e) = Bucket(b.North, b.East);
        for (var i = s; i <= n; i++)
            for (var j = w; j <= e; j++)
                yield return (i, j);
    }
}
