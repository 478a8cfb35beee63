using System.Security.Cryptography;
using System.Text;
using GridCommand.Rules.Geo;

namespace GridCommand.Rules.Cameras;

/// <summary>A camera as it comes in (a row of an import file, a form in the console), not yet checked.</summary>
public sealed record CameraInput(
    string? Id, string? Name, double? Lat, double? Lon, string? Kind, string? Owner, string? StreamUrl, string? SnapshotUrl)
{
    public const int MaxNameLength = 200;
    public const int MaxUrlLength = 2000;
    /// <summary>The words after /api/cameras/ that name a list, not a camera: a camera with such an id could not be read back.</summary>
    public static readonly IReadOnlySet<string> ReservedIds = new HashSet<string>(["alarms", "cells", "import", "nearest"], StringComparer.OrdinalIgnoreCase);

    /// <returns>the camera, or an error naming the field; a camera without an id gets one from its name and place.</returns>
    public (Camera? Camera, string? Error) Check(CityGrid grid)
    {
        var id = string.IsNullOrWhiteSpace(Id) ? null : Id.Trim();
        var error = (id is null ? null : GridIds.Check("id", id) ?? (ReservedIds.Contains(id) ? $"id {id} is the name of a list of cameras: choose another." : null))
                    ?? Text("name", Name, MaxNameLength, required: true)
                    ?? Place(grid)
                    ?? Text("kind", Kind, MaxNameLength) ?? Text("owner", Owner, MaxNameLength)
                    ?? Url("streamUrl", StreamUrl) ?? Url("snapshotUrl", SnapshotUrl);
        if (error is not null) return (null, error);
        var at = new GeoPoint(Lat!.Value, Lon!.Value);
        if (grid.CellAt(at) is not { } cell) return (null, $"({at.Lat}, {at.Lon}) is in no grid cell of the city.");
        var name = Name!.Trim();
        return (new Camera(id ?? GeneratedId(name, at), name, at.Lat, at.Lon, cell.Id, Trimmed(Kind), Trimmed(Owner), Trimmed(StreamUrl),
            Trimmed(SnapshotUrl)), null);
    }

    /// <summary>The same camera (name and place) gets the same id, so importing a file twice updates it instead of adding it again.</summary>
    public static string GeneratedId(string name, GeoPoint at) =>
        "CAM-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{name}|{at.Lat:F6}|{at.Lon:F6}")))[..12];

    private string? Place(CityGrid grid)
    {
        if (Lat is null || Lon is null) return "lat and lon are required.";
        if (!double.IsFinite(Lat.Value) || !double.IsFinite(Lon.Value)) return "lat and lon must be numbers.";
        return grid.Bounds.Contains(new GeoPoint(Lat.Value, Lon.Value)) ? null : $"({Lat}, {Lon}) is outside the city.";
    }

    private static string? Text(string field, string? value, int max, bool required = false) =>
        string.IsNullOrWhiteSpace(value) ? (required ? $"{field} is required." : null)
        : value.Length > max ? $"{field} is longer than {max} characters."
        : value.Any(char.IsControl) ? $"{field} must not contain control characters."
        : null;

    /// <summary>Only absolute http and https links: a javascript: or data: link in a camera's record must never reach a page.</summary>
    private static string? Url(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : value.Trim().Length > MaxUrlLength ? $"{field} is longer than {MaxUrlLength} characters."
        : Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !value.Any(char.IsControl)
            ? null
            : $"{field} must be an absolute http:// or https:// address.";

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
