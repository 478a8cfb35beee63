using GridCommand.Rules.Dispatch;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Units;

namespace GridCommand.Rules.Lockdown;

/// <summary>A unit that could take a point, and how long it needs to get there.</summary>
public sealed record PointCandidate(int N, UnitSnapshot Unit, int EtaSeconds);

/// <summary>
/// Which unit goes to which point. Checkpoints and blocking points are held by police patrols and the guards on the
/// street patrol system (the Yangzhou drill staffed them with 检查站、警务工作站、应急堵控点等警力), not by volunteers.
/// Fastest pairs first over all points, so a unit is not taken by a far point while it is the only one near another.
/// </summary>
public static class LockdownChoice
{
    public static bool Suitable(UnitKind kind) => kind != UnitKind.Volunteer;

    /// <summary>Every suitable, available, fresh unit around each open point that was neither excluded nor refused it, fastest first.</summary>
    public static List<PointCandidate> Rank(
        IEnumerable<(PointPost Post, IEnumerable<UnitSnapshot> Around)> open, Recommender ranking, DateTimeOffset now, ISet<string> excluded, int perPoint)
    {
        var pairs = new List<PointCandidate>();
        foreach (var (post, around) in open)
        {
            var at = new GeoPoint(post.Point.Lat, post.Point.Lon);
            var notFor = new HashSet<string>(excluded);
            notFor.UnionWith(post.Refused);
            var units = around.Where(u => Suitable(u.Kind)).DistinctBy(u => u.UnitId).ToDictionary(u => u.UnitId);
            foreach (var r in ranking.Rank(at, units.Values, now, notFor, null, perPoint))
                pairs.Add(new PointCandidate(post.N, units[r.UnitId], r.EtaSeconds));
        }
        return pairs.OrderBy(p => p.EtaSeconds).ThenBy(p => p.N).ThenBy(p => p.Unit.UnitId, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Goes down the pairs fastest first, asking <paramref name="tryTake"/> for each whose point is still open and whose
    /// unit was neither given a point nor refused: one unit per point, no unit twice.
    /// </summary>
    /// <returns>the pairs that were taken</returns>
    public static async Task<List<PointCandidate>> Assign(IReadOnlyList<PointCandidate> pairs, Func<PointCandidate, Task<bool>> tryTake)
    {
        var filled = new HashSet<int>();
        var asked = new HashSet<string>(StringComparer.Ordinal);
        var taken = new List<PointCandidate>();
        foreach (var pair in pairs)
        {
            if (filled.Contains(pair.N) || !asked.Add(pair.Unit.UnitId)) continue;
            if (!await tryTake(pair)) continue;
            filled.Add(pair.N);
            taken.Add(pair);
        }
        return taken;
    }
}
