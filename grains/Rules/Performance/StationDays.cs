namespace GridCommand.Rules.Performance;

/// <summary>
/// Tallies by station and by the city day each incident was reported: what a period's records add up to, and what a
/// past day's records are kept as (serialized as the rules' JSON).
/// </summary>
public sealed class StationDays
{
    public Dictionary<string, Dictionary<DateOnly, StationTally>> Stations { get; set; } = new(StringComparer.Ordinal);

    public StationTally Tally(string stationId, DateOnly day)
    {
        if (!Stations.TryGetValue(stationId, out var days)) Stations[stationId] = days = [];
        if (!days.TryGetValue(day, out var tally)) days[day] = tally = new StationTally();
        return tally;
    }

    /// <summary>Every tally of <paramref name="other"/> whose station and day <paramref name="keep"/> keeps, added to this one's.</summary>
    public void Add(StationDays other, Func<string, DateOnly, bool> keep)
    {
        foreach (var (stationId, days) in other.Stations)
        foreach (var (day, tally) in days)
            if (keep(stationId, day)) Tally(stationId, day).Add(tally);
    }
}
