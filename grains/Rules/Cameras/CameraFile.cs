using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GridCommand.Rules.Cameras;

/// <summary>A row an import could not take: its line in a CSV file (the header is line 1), its feature's number in GeoJSON.</summary>
public sealed record RejectedRow(int Line, string Reason);

/// <summary>The rows of an import file, not yet checked, and the ones that could not even be read; or why the file is no camera file at all.</summary>
public sealed record CameraFileRows(IReadOnlyList<(int Line, CameraInput Input)> Rows, IReadOnlyList<RejectedRow> Unreadable, string? Error)
{
    public static CameraFileRows Bad(string error) => new([], [], error);
}

/// <summary>
/// Reads a camera catalogue file: CSV with a header naming its columns (name, lat, lon required; id, kind, owner,
/// streamUrl, snapshotUrl optional; others ignored) or a GeoJSON FeatureCollection of Point features with the same
/// properties. A bad row is reported with its line and the rest are read; a file that is neither is an error.
/// </summary>
public static class CameraFile
{
    private static readonly string[] Required = ["name", "lat", "lon"];

    public static bool IsGeoJson(string? mediaType, string? fileName) =>
        mediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true
        || fileName?.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase) == true
        || fileName?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true;

    public static CameraFileRows Read(string text, bool geoJson) => geoJson ? ReadGeoJson(text) : ReadCsv(text);

    public static CameraFileRows ReadCsv(string text)
    {
        var records = CsvRecords(text.TrimStart('\uFEFF')).ToList();
        if (records.Count == 0) return CameraFileRows.Bad("The file is empty: a CSV file starts with a header such as id,name,lat,lon,streamUrl,snapshotUrl.");
        var header = records[0].Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        if (Required.FirstOrDefault(r => !header.Contains(r)) is { } missing)
            return CameraFileRows.Bad($"The CSV header has no column '{missing}': it needs name, lat and lon (id, kind, owner, streamUrl, snapshotUrl are optional).");
        var rows = new List<(int, CameraInput)>();
        var unreadable = new List<RejectedRow>();
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            if (fields.Count > header.Count) { unreadable.Add(new(line, $"{fields.Count} fields, but the header names {header.Count}.")); continue; }
            string? Field(string name) => header.IndexOf(name.ToLowerInvariant()) is var i and >= 0 && i < fields.Count ? fields[i] : null;
            var (lat, latOk) = Number(Field("lat"));
            var (lon, lonOk) = Number(Field("lon"));
            if (!latOk || !lonOk) { unreadable.Add(new(line, "lat and lon must be decimal numbers such as 32.3935.")); continue; }
            rows.Add((line, new CameraInput(Field("id"), Field("name"), lat, lon, Field("kind"), Field("owner"), Field("streamUrl"), Field("snapshotUrl"))));
        }
        return new(rows, unreadable, null);
    }

    public static CameraFileRows ReadGeoJson(string text)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            return CameraFileRows.Bad($"The file is not valid JSON: {e.Message}");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Str(root, "type") != "FeatureCollection"
                || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
                return CameraFileRows.Bad("A GeoJSON camera file is a FeatureCollection with a features array.");
            var rows = new List<(int, CameraInput)>();
            var unreadable = new List<RejectedRow>();
            var n = 0;
            foreach (var feature in features.EnumerateArray())
            {
                n++;
                if (Point(feature) is not var (lon, lat)) { unreadable.Add(new(n, "not a Point feature with [lon, lat] coordinates.")); continue; }
                var p = feature.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object ? props : default;
                rows.Add((n, new CameraInput(Str(p, "id") ?? Str(feature, "id"), Str(p, "name"), lat, lon, Str(p, "kind"), Str(p, "owner"),
                    Str(p, "streamUrl"), Str(p, "snapshotUrl"))));
            }
            return new(rows, unreadable, null);
        }
    }

    private static (double Lon, double Lat)? Point(JsonElement feature)
    {
        if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("geometry", out var g) || g.ValueKind != JsonValueKind.Object
            || Str(g, "type") != "Point" || !g.TryGetProperty("coordinates", out var c) || c.ValueKind != JsonValueKind.Array || c.GetArrayLength() < 2
            || c[0].ValueKind != JsonValueKind.Number || c[1].ValueKind != JsonValueKind.Number) return null;
        return (c[0].GetDouble(), c[1].GetDouble());
    }

    /// <summary>A string property, or a number's text (an id given as 17); null when absent.</summary>
    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
            ? v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Number => v.GetRawText(), _ => null }
            : null;

    private static (double? Value, bool Ok) Number(string? text) =>
        string.IsNullOrWhiteSpace(text) ? (null, true)
        : double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? (v, true)
        : (null, false);

    /// <summary>RFC 4180 records with the line each starts on: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static IEnumerable<(int Line, List<string> Fields)> CsvRecords(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, start, quoted, any) = (1, 1, false, false);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; any = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); any = true; break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString());
                    yield return (start, fields);
                    (fields, line, any) = ([], line + 1, false);
                    field.Clear();
                    start = line;
                    break;
                default: field.Append(c); any = true; break;
            }
        }
        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }
}
