using GridCommand.Rules.Geo;
using GridCommand.Rules.Lockdown;

namespace GridCommand.Silo.Demo;

/// <summary>
/// The demo city's "close the city gates" (关城门) plan, the same on every start: 139 emergency blocking points on three
/// rings — the city ring near the city's edge, the urban ring, the core ring round the centre — and a checkpoint on
/// the city ring at each of the eight roads out, as in Yangzhou's 环扬州防控圈, 环城区封控圈 and 环核心堵控圈.
/// </summary>
public static class LockdownDemoPlan
{
    public const string Id = "guan-cheng-men";
    public const string Name = "关城门";
    private const int Seed = 20220902;

    private static readonly (Ring Ring, string Label, double Reach, int BlockingPoints)[] Rings =
    [
        (Ring.City, "环城", 0.88, 59), (Ring.Urban, "城区", 0.55, 48), (Ring.Core, "核心", 0.25, 32),
    ];

    private static readonly string[] Roads = ["北门", "东北", "东门", "东南", "南门", "西南", "西门", "西北"];

    /// <summary>The points on ellipses round the city's centre (a little jitter, as streets are not circles).</summary>
    public static IReadOnlyList<LockdownPoint> Points(GeoBounds city)
    {
        var random = new Random(Seed);
        var (centreLat, centreLon) = ((city.South + city.North) / 2, (city.West + city.East) / 2);
        var (halfLat, halfLon) = ((city.North - city.South) / 2, (city.East - city.West) / 2);
        GeoPoint OnRing(double reach, double turn) => new(
            centreLat + halfLat * reach * Math.Cos(turn * 2 * Math.PI),
            centreLon + halfLon * reach * Math.Sin(turn * 2 * Math.PI));

        var points = new List<LockdownPoint>();
        foreach (var (ring, label, reach, count) in Rings)
            for (var i = 0; i < count; i++)
            {
                var at = OnRing(reach * (0.97 + random.NextDouble() * 0.06), (i + random.NextDouble() * 0.3) / count);
                points.Add(new LockdownPoint($"B{points.Count + 1:D3}", $"{label}堵控点{i + 1:D2}", PointKind.BlockingPoint, ring, at.Lat, at.Lon));
            }
        for (var i = 0; i < Roads.Length; i++)
        {
            var at = OnRing(0.93, (double)i / Roads.Length);
            points.Add(new LockdownPoint($"K{i + 1:D2}", $"{Roads[i]}检查站", PointKind.Checkpoint, Ring.City, at.Lat, at.Lon));
        }
        return points;
    }
}
