using System.Globalization;
using System.Text.Json;
using GridCommand.Rules.Geo;
using GridCommand.Rules;

namespace GridCommand.Web.Apis;

/// <summary>Checks shared by the endpoints; each returns an error message or null.</summary>
public static class InputRules
{
    public const int MaxTextLength = 2000;
    public const int MaxNameLength = 200;

    public static string? Position(double? lat, double? lon, CityGrid grid)
    {
        if (lat is null || lon is null) return "lat and lon are required.";
        if (!double.IsFinite(lat.Value) || !double.IsFinite(lon.Value)) return "lat and lon must be numbers.";
        var b = grid.Bounds;
        return b.Contains(new GeoPoint(lat.Value, lon.Value))
            ? null
            : $"({lat}, {lon}) is outside the city (lat {b.South:F3}–{b.North:F3}, lon {b.West:F3}–{b.East:F3}).";
    }

    /// <returns>the number a query parameter spells in the invariant culture, or null when it is none or not finite.</returns>
    public static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;

    /// <summary>A box on the map, in degrees: south not above north, west not east of east (a box across the antimeridian is not one).</summary>
    public static string? Box(double south, double west, double north, double east) =>
        new[] { south, west, north, east }.Any(v => !double.IsFinite(v)) ? "south, west, north and east must be numbers."
        : south < -90 || north > 90 ? "south and north must be latitudes from -90 to 90."
        : west < -180 || east > 180 ? "west and east must be longitudes from -180 to 180."
        : south > north || west > east ? "south must not be above north, nor west east of east."
        : null;

    /// <summary>Free text: at most <paramref name="max"/> characters, and no control characters but tab and line breaks (a NUL byte breaks PostgreSQL's text).</summary>
    public static string? Text(string field, string? value, int max) =>
        value is null ? null
        : value.Length > max ? $"{field} is longer than {max} characters."
        : value.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')) ? $"{field} must not contain control characters."
        : null;

    public static string? Required(string field, string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? $"{field} is required." : Text(field, value, max);

    /// <summary>Parses a kebab-case enum value as it appears on the wire (e.g. "patrol-car").</summary>
    public static bool TryParseWire<T>(string? value, out T result) where T : struct, Enum
    {
        result = default;
        if (string.IsNullOrWhiteSpace(value)) return false;
        try
        {
            result = JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value), GrainJson.Options);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Parses <paramref name="value"/> as a wire name of <typeparamref name="T"/>; the error names the allowed values.</summary>
    public static string? OneOf<T>(string field, string? value, out T result) where T : struct, Enum =>
        TryParseWire(value, out result) ? null : $"{field} must be one of {WireNames<T>()}.";

    public static string WireNames<T>() where T : struct, Enum =>
        string.Join(", ", Enum.GetValues<T>().Select(GrainJson.WireName));
}
