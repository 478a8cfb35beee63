namespace GridCommand.Rules.Volunteers;

/// <summary>A team's place on the leaderboard.</summary>
public sealed record TeamStanding(int Rank, string Team, int Points, int OrdersCompleted, int Volunteers);

/// <summary>A volunteer's own points.</summary>
public sealed record VolunteerStanding(string UnitId, string? Team, int Points, int OrdersCompleted);

/// <summary>Points (积分) per volunteer and per team; each completed order is credited once, however often it is told.</summary>
public sealed class VolunteerScores
{
    public sealed class Score
    {
        public int Points { get; set; }
        public int Orders { get; set; }
        public string? Team { get; set; }
    }

    public Dictionary<string, Score> Teams { get; set; } = new();
    public Dictionary<string, Score> Volunteers { get; set; } = new();
    public HashSet<string> CreditedOrders { get; set; } = [];

    /// <returns>false when this order was credited already.</returns>
    public bool Credit(string orderId, string unitId, string? team, int points)
    {
        if (!CreditedOrders.Add(orderId)) return false;
        Add(Volunteers, unitId, team, points);
        if (team is not null) Add(Teams, team, null, points);
        return true;
    }

    /// <summary>Most points first; a tie goes to the team with more orders, then by name.</summary>
    public IReadOnlyList<TeamStanding> Standings()
    {
        var members = Volunteers.Values.Where(v => v.Team is not null).GroupBy(v => v.Team!).ToDictionary(g => g.Key, g => g.Count());
        return Teams.OrderByDescending(t => t.Value.Points).ThenByDescending(t => t.Value.Orders).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Select((t, i) => new TeamStanding(i + 1, t.Key, t.Value.Points, t.Value.Orders, members.GetValueOrDefault(t.Key)))
            .ToList();
    }

    public VolunteerStanding Of(string unitId) => Volunteers.TryGetValue(unitId, out var s)
        ? new VolunteerStanding(unitId, s.Team, s.Points, s.Orders)
        : new VolunteerStanding(unitId, null, 0, 0);

    private static void Add(Dictionary<string, Score> scores, string key, string? team, int points)
    {
        if (!scores.TryGetValue(key, out var score)) scores[key] = score = new Score { Team = team };
        score.Points += points;
        score.Orders++;
    }
}
