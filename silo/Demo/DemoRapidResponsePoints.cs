using GridCommand.Rules.Coverage;

namespace GridCommand.Silo.Demo;

/// <summary>
/// The demo city's 69 rapid-response points (扬州 has 69 "1-3-5 minute" points): spread over the guard posts, each
/// held by that post's guards and one patrol group. Derived from the fixed-seed demo city, so the same on every start.
/// </summary>
public static class DemoRapidResponsePoints
{
    public const int Count = 69;

    public static IReadOnlyList<RapidResponsePoint> Of(DemoCity city)
    {
        var posts = city.Units.Where(u => u.PostName is not null).GroupBy(u => u.PostName!).ToList();
        var patrols = city.Units.Where(u => u.Id.StartsWith('P')).ToList();
        if (posts.Count == 0) return [];
        var points = new List<RapidResponsePoint>(Count);
        for (var k = 0; k < Math.Min(Count, posts.Count); k++)
        {
            var post = posts[k * posts.Count / Math.Min(Count, posts.Count)];
            var holders = post.Select(u => u.Id).ToList();
            if (patrols.Count > 0) holders.Add(patrols[k % patrols.Count].Id);
            var at = post.First().Home;
            points.Add(new RapidResponsePoint
            {
                Id = $"R{k + 1:D2}", Name = $"快速反应点{k + 1:D2}（{post.Key}）", Lat = at.Lat, Lon = at.Lon, Units = holders,
            });
        }
        return points;
    }
}
