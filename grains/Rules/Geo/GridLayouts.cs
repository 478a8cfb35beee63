using System.Text.Json;

namespace GridCommand.Rules.Geo;

/// <summary>Builds a <see cref="CityGrid"/>: square cells over a bounding box, or real grid polygons from GeoJSON.</summary>
public static class GridLayouts
{
    /// <summary>
    /// Square cells of about <paramref name="cellMeters"/> over <paramref name="bounds"/>, ids "C{row}-{col}"
    /// counted from the south-west; the district is taken from <paramref name="districtOf"/>.
    /// </summary>
    public static CityGrid Generate(GeoBounds bounds, double cellMeters, Func<GeoPoint, string> districtOf)
    {
        var midLat = (bounds.South + bounds.North) / 2;
        var dLat = cellMeters / 111_320.0;
        var dLon = cellMeters / (111_320.0 * Math.Cos(midLat * Math.PI / 180));
        var rows = Math.Max(1, (int)Math.Ceiling((bounds.North - bounds.South) / dLat));
        var cols = Math.Max(1, (int)Math.Ceiling((bounds.East - bounds.West) / dLon));
        string Id(int r, int c) => $"C{r:D2}-{c:D2}";

        var cells = new List<GridCell>(rows * cols);
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++)
            {
                double s = bounds.South + r * dLat, w = bounds.West + c * dLon;
                GeoPoint[] polygon = [new(s, w), new(s + dLat, w), new(s + dLat, w + dLon), new(s, w + dLon)];
                var neighbours = new List<string>();
                for (var dr = -1; dr <= 1; dr++)
                    for (var dc = -1; dc <= 1; dc++)
                        if ((dr, dc) != (0, 0) && r + dr >= 0 && r + dr < rows && c + dc >= 0 && c + dc < cols)
                            neighbours.Add(Id(r + dr, c + dc));
                var centre = new GeoPoint(s + dLat / 2, w + dLon / 2);
                var district = districtOf(centre);
                cells.Add(new GridCell(Id(r, c), $"{district}网格{r + 1:D2}-{c + 1:D2}", district, polygon, neighbours));
            }
        return new CityGrid(cells);
    }

    /// <summary>
    /// A GeoJSON FeatureCollection of Polygon features; properties "id" (required), "name" and "district".
    /// Cells whose bounding boxes touch are neighbours.
    /// </summary>
    public static CityGrid FromGeoJson(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var raw = new List<(string Id, string Name, string District, GeoPoint[] Ring)>();
        foreach (var feature in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var props = feature.GetProperty("properties");
            var id = props.GetProperty("id").ToString();
            var name = props.TryGetProperty("name", out var n) ? n.GetString() ?? id : id;
            var district = props.TryGetProperty("district", out var d) ? d.GetString() ?? "" : "";
            var ring = feature.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray()
                .Select(xy => new GeoPoint(xy[1].GetDouble(), xy[0].GetDouble())).ToArray();
            raw.Add((id, name, district, ring));
        }

        const double touch = 1e-6;
        var boxes = raw.Select(r => new GridCell(r.Id, r.Name, r.District, r.Ring, []).Bounds).ToArray();
        bool Touch(GeoBounds a, GeoBounds b) =>
            a.South <= b.North + touch && b.South <= a.North + touch && a.West <= b.East + touch && b.West <= a.East + touch;
        var cells = raw.Select((r, i) => new GridCell(r.Id, r.Name, r.District, r.Ring,
            raw.Where((_, j) => j != i && Touch(boxes[i], boxes[j])).Select(o => o.Id).ToList())).ToList();
        return new CityGrid(cells);
    }
}
