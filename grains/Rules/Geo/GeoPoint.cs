namespace GridCommand.Rules.Geo;

/// <summary>A WGS-84 position in decimal degrees.</summary>
public readonly record struct GeoPoint(double Lat, double Lon)
{
    private const double EarthRadiusMeters = 6_371_000;

    /// <summary>Great-circle (haversine) distance in metres.</summary>
    public double DistanceTo(GeoPoint other)
    {
        var dLat = ToRadians(other.Lat - Lat);
        var dLon = ToRadians(other.Lon - Lon);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
                + Math.Cos(ToRadians(Lat)) * Math.Cos(ToRadians(other.Lat)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>The point reached by going <paramref name="meters"/> towards <paramref name="headingDeg"/> (flat-earth: fine for a city).</summary>
    public GeoPoint Offset(double meters, double headingDeg)
    {
        var h = ToRadians(headingDeg);
        var dLat = meters * Math.Cos(h) / 111_320.0;
        var dLon = meters * Math.Sin(h) / (111_320.0 * Math.Cos(ToRadians(Lat)));
        return new GeoPoint(Lat + dLat, Lon + dLon);
    }

    /// <summary>Compass heading in degrees from this point to <paramref name="other"/>.</summary>
    public double HeadingTo(GeoPoint other)
    {
        var dy = other.Lat - Lat;
        var dx = (other.Lon - Lon) * Math.Cos(ToRadians(Lat));
        var deg = Math.Atan2(dx, dy) * 180 / Math.PI;
        return (deg + 360) % 360;
    }

    private static double ToRadians(double deg) => deg * Math.PI / 180;
}

/// <summary>A lat/lon rectangle.</summary>
public sealed record GeoBounds(double South, double West, double North, double East)
{
    public bool Contains(GeoPoint p) => p.Lat >= South && p.Lat <= North && p.Lon >= West && p.Lon <= East;
}
