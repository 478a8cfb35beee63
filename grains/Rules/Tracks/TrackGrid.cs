using GridCommand.Rules.Geo;

namespace GridCommand.Rules.Tracks;

/// <summary>
/// How the track store cuts tracks into pieces it can find fast: by time, in buckets of <see cref="BucketLength"/>,
/// and by place, in tiles of <see cref="TileDegrees"/> (about a kilometre). One piece holds a unit's points in one
/// bucket and one tile, so "these units between t1 and t2" reads a few pieces per unit, and "every unit in this box
/// between t1 and t2" reads only the pieces of the tiles the box touches.
/// </summary>
public static class TrackGrid
{
    public static readonly TimeSpan BucketLength = TimeSpan.FromMinutes(10);
    public const double TileDegrees = 0.01;
    private const int TilesPerLatRow = 36_000; // 360° of longitude

    /// <summary>The start of the bucket holding <paramref name="at"/>, in Unix seconds.</summary>
    public static long Bucket(DateTimeOffset at)
    {
        var length = (long)BucketLength.TotalSeconds;
        var seconds = at.ToUnixTimeSeconds();
        return seconds - (((seconds % length) + length) % length);
    }

    /// <summary>Every bucket that can hold a point between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public static IEnumerable<long> Buckets(DateTimeOffset from, DateTimeOffset to)
    {
        for (var b = Bucket(from); b <= Bucket(to); b += (long)BucketLength.TotalSeconds) yield return b;
    }

    public static int Tile(double lat, double lon) => Row(lat) * TilesPerLatRow + Column(lon);

    /// <summary>Every tile the box touches.</summary>
    public static IEnumerable<int> Tiles(GeoBounds box)
    {
        for (var row = Row(box.South); row <= Row(box.North); row++)
            for (var column = Column(box.West); column <= Column(box.East); column++)
                yield return row * TilesPerLatRow + column;
    }

    private static int Row(double lat) => Math.Clamp((int)Math.Floor((lat + 90) / TileDegrees), 0, (int)(180 / TileDegrees) - 1);

    private static int Column(double lon) => Math.Clamp((int)Math.Floor((lon + 180) / TileDegrees), 0, TilesPerLatRow - 1);
}
