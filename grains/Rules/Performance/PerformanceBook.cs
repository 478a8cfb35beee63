namespace GridCommand.Rules.Performance;

/// <summary>
/// Adds up the event log's incident records and the check-in counts of a period by station and by the city day the
/// incident was reported, then gives one station's days, weeks and total, or the city's ranking. Plain: the caller reads.
/// </summary>
/// <param name="onlyStation">keep only this station's figures (a station's page), or null for every station</param>
public sealed class PerformanceBook(PerformancePeriod period, CityClock city, string? onlyStation = null)
{
    private readonly Dictionary<string, Dictionary<DateOnly, StationTally>> _stations = new(StringComparer.Ordinal);

    public PerformancePeriod Period => period;

    /// <summary>An <see cref="IncidentRecord.Received"/> line: counted on the day it was reported, if in the period.</summary>
    public void Received(IncidentRecord r)
    {
        if (TallyOf(r) is { } tally) tally.AddReceived(r);
    }

    /// <summary>An <see cref="IncidentRecord.Ended"/> line: counted on the day the incident was reported, if in the period.</summary>
    public void Ended(IncidentRecord r)
    {
        if (TallyOf(r) is { } tally) tally.AddEnded(r);
    }

    public void Checkins(string? stationId, DateOnly day, int count)
    {
        if (Tally(stationId, day) is { } tally) tally.AddCheckins(count);
    }

    public StationPerformance Station(string stationId, string? name)
    {
        var days = _stations.GetValueOrDefault(stationId) ?? [];
        PerformanceFigures Sum(PerformancePeriod p)
        {
            var sum = new StationTally();
            foreach (var day in p.EachDay())
                if (days.TryGetValue(day, out var tally)) sum.Add(tally);
            return sum.Figures(p.From, p.To);
        }
        return new StationPerformance(stationId, name, period.From, period.To,
            [.. period.EachDay().Select(d => Sum(new PerformancePeriod(d, d)))],
            [.. period.Weeks().Select(Sum)],
            Sum(period));
    }

    /// <summary>
    /// The named stations (and any other the records mention), best first: closure rate, then median response, then
    /// incidents handled; a station with nothing to measure goes last.
    /// </summary>
    public StationRanking Ranking(IReadOnlyDictionary<string, string> names)
    {
        var ranked = names.Keys.Union(_stations.Keys)
            .Select(id => (Id: id, Figures: Station(id, null).Total))
            .OrderBy(s => s.Figures.ClosureRate is null)
            .ThenByDescending(s => s.Figures.ClosureRate)
            .ThenBy(s => s.Figures.ResponseP50Seconds ?? double.MaxValue)
            .ThenByDescending(s => s.Figures.Handled)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select((s, i) => new RankedStation(i + 1, s.Id, names.GetValueOrDefault(s.Id), s.Figures));
        return new StationRanking(period.From, period.To, [.. ranked]);
    }

    private StationTally? TallyOf(IncidentRecord r) => Tally(r.StationId, city.Today(r.CreatedAt));

    private StationTally? Tally(string? stationId, DateOnly day)
    {
        if (stationId is null || !period.Contains(day) || (onlyStation is not null && stationId != onlyStation)) return null;
        if (!_stations.TryGetValue(stationId, out var days)) _stations[stationId] = days = [];
        if (!days.TryGetValue(day, out var tally)) days[day] = tally = new StationTally();
        return tally;
    }
}
