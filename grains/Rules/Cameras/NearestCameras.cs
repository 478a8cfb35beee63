using GridCommand.Rules.Geo;

namespace GridCommand.Rules.Cameras;

/// <summary>The cameras nearest a place (an incident), closest first, within a radius.</summary>
public static class NearestCameras
{
    public static IReadOnlyList<NearbyCamera> Of(IEnumerable<Camera> cameras, GeoPoint at, int count, double withinMeters) =>
        [.. cameras.Select(c => new NearbyCamera(c, at.DistanceTo(new GeoPoint(c.Lat, c.Lon))))
            .Where(n => n.Meters <= withinMeters)
            .OrderBy(n => n.Meters).ThenBy(n => n.Camera.Id, StringComparer.Ordinal)
            .Take(count)];

    /// <summary>A box sure to hold every point within <paramref name="meters"/> of <paramref name="at"/>: what to ask the catalogue for.</summary>
    public static GeoBounds BoxAround(GeoPoint at, double meters)
    {
        var (north, east) = (at.Offset(meters, 0), at.Offset(meters, 90));
        var (dLat, dLon) = (north.Lat - at.Lat, east.Lon - at.Lon);
        return new GeoBounds(at.Lat - dLat, at.Lon - dLon, at.Lat + dLat, at.Lon + dLon);
    }
}
