namespace GridCommand.Rules.Geo;

/// <summary>One grid cell of the city's layout: its id, name, district, polygon (outer ring, lat/lon) and neighbours.</summary>
public sealed record GridCell(string Id, string Name, string District, IReadOnlyList<GeoPoint> Polygon, IReadOnlyList<string> Neighbours)
{
    // Worked out once: every position fix looks its cell up.
    public GeoPoint Centre { get; } = new(Polygon.Average(p => p.Lat), Polygon.Average(p => p.Lon));

    public GeoBounds Bounds { get; } = new(Polygon.Min(p => p.Lat), Polygon.Min(p => p.Lon), Polygon.Max(p => p.Lat), Polygon.Max(p => p.Lon));

    /// <summary>Ray casting; a point on the shared edge of two cells belongs to whichever is found first.</summary>
    public bool Contains(GeoPoint p)
    {
        if (!Bounds.Contains(p)) return false;
        var inside = false;
        for (int i = 0, j = Polygon.Count - 1; i < Polygon.Count; j = i++)
        {
            var a = Polygon[i];
            var b = Polygon[j];
            if ((a.Lat > p.Lat) != (b.Lat > p.Lat)
                && p.Lon < (b.Lon - a.Lon) * (p.Lat - a.Lat) / (b.Lat - a.Lat) + a.Lon)
                inside = !inside;
        }
        return inside;
    }
}
