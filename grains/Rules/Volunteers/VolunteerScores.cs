namespace GridCommand.Rules.Volunteers;

/// <summary>A team's place on the leaderboard; <paramref name="Volunteers"/> its members.</summary>
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
    /// <summary>Each volunteer's team as enrolled.</summary>
    public Dictionary<string, string> Members { get; set; } = new();

    /// <returns>false when nothing changed (enrolled again in the same team).</returns>
    public bool Enrol(string unitId, string? team)
    {
        if (team is null) return Members.Remove(unitId);
        if (Members.TryGetValue(unitId, out var known) && known == team) return false;
        Members[unitId] = team;
        return true;
    }

    /// <returns>false when this order was credited already.</returns>
    public bool Credit(string orderId, string unitId, string? team, int points)
    {
        if (!CreditedOrders.Add(orderId)) return false;
        Add(Volunteers, unitId, team, points);
        if (team is not null) Add(Teams, team, null, points);
        return true;
    }

    /// <summary>Every team with members or points: most points first; a tie goes to the team with more orders, then by name.</summary>
    public IReadOnlyList<TeamStanding> Standings()
    {
        var members = Members.Values.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var none = new Score();
        return members.Keys.Union(Teams.Keys)
            .Select(team => (Team: team, Score: Teams.GetValueOrDefault(team) ?? none))
            .OrderByDescending(t => t.Score.Points).ThenByDescending(t => t.Score.Orders).ThenBy(t => t.Team, StringComparer.Ordinal)
            .Select((t, i) => new TeamStanding(i + 1, t.Team, t.Score.Points, t.Score.Orders, members.GetValueOrDefault(t.Team)))
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
