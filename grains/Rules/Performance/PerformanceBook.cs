namespace GridCommand.Rules.Performance;

/// <summary>
/// Adds up the event log's incident records and the check-in counts of a period by station and by the city day the
/// incident was reported, then gives one station's days, weeks and total, or the city's ranking. Plain: the caller reads.
/// </summary>
/// <param name="period">the days kept, or null for all (a past day's records, kept whatever day they were reported)</param>
/// <param name="onlyStation">keep only this station's figures (a station's page), or null for every station</param>
public sealed class PerformanceBook(PerformancePeriod? period, CityClock city, string? onlyStation = null)
{
    /// <summary>What was kept so far.</summary>
    public StationDays Days { get; } = new();

    /// <summary>An <see cref="IncidentRecord.Received"/> line: counted on the day it was reported.</summary>
    public void Received(IncidentRecord r)
    {
        if (TallyOf(r) is { } tally) tally.AddReceived(r);
    }

    /// <summary>An <see cref="IncidentRecord.Ended"/> line: counted on the day the incident was reported.</summary>
    public void Ended(IncidentRecord r)
    {
        if (TallyOf(r) is { } tally) tally.AddEnded(r);
    }

    public void Checkins(string? stationId, DateOnly day, int count)
    {
        if (stationId is not null && Keeps(stationId, day)) Days.Tally(stationId, day).Checkins += count;
    }

    /// <summary>Tallies added up before (a past day's), as far as this book keeps their stations and days.</summary>
    public void Add(StationDays days) => Days.Add(days, Keeps);

    public StationPerformance Station(string stationId, string? name)
    {
        var whole = Whole();
        return new StationPerformance(stationId, name, whole.From, whole.To,
            [.. whole.EachDay().Select(d => Sum(stationId, new PerformancePeriod(d, d)))],
            [.. whole.Weeks().Select(w => Sum(stationId, w))],
            Sum(stationId, whole));
    }

    /// <summary>
    /// The named stations (and any other the records mention), best first: closure rate, then median response, then
    /// incidents handled; a station with nothing to measure goes last.
    /// </summary>
    public StationRanking Ranking(IReadOnlyDictionary<string, string> names)
    {
        var whole = Whole();
        var ranked = names.Keys.Union(Days.Stations.Keys)
            .Select(id => (Id: id, Figures: Sum(id, whole)))
            .OrderBy(s => s.Figures.ClosureRate is null)
            .ThenByDescending(s => s.Figures.ClosureRate)
            .ThenBy(s => s.Figures.ResponseP50Seconds ?? double.MaxValue)
            .ThenByDescending(s => s.Figures.Handled)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select((s, i) => new RankedStation(i + 1, s.Id, names.GetValueOrDefault(s.Id), s.Figures));
        return new StationRanking(whole.From, whole.To, [.. ranked]);
    }

    private PerformanceFigures Sum(string stationId, PerformancePeriod p)
    {
        var sum = new StationTally();
        if (Days.Stations.TryGetValue(stationId, out var days))
        {
            foreach (var day in p.EachDay())
                if (days.TryGetValue(day, out var tally)) sum.Add(tally);
        }
        return sum.Figures(p.From, p.To);
    }

    private PerformancePeriod Whole() => period ?? throw new InvalidOperationException("A book of all days has no period to report.");

    private bool Keeps(string stationId, DateOnly day) =>
        (period is null || period.Contains(day)) && (onlyStation is null || stationId == onlyStation);

    private StationTally? TallyOf(IncidentRecord r)
    {
        var day = city.Today(r.CreatedAt);
        return r.StationId is { } stationId && Keeps(stationId, day) ? Days.Tally(stationId, day) : null;
    }
}
