using GridCommand.Rules;
using GridCommand.Rules.Performance;
using GridCommand.Silo.Storage;

namespace GridCommand.Silo.Performance;

/// <summary>
/// Reads a period's incident records from the event log (by their name and time, through the index on
/// grain_event (what, at)) and the check-ins counted by station for each city day, into a <see cref="PerformanceBook"/>.
/// </summary>
public sealed class PerformanceReader(GridDatabase database, CityClock city)
{
    /// <param name="stationId">only this station's figures, or null for every station's (the ranking)</param>
    public async Task<PerformanceBook> ReadAsync(PerformancePeriod period, string? stationId, CancellationToken ct = default)
    {
        var book = new PerformanceBook(period, city, stationId);
        var (start, end) = (city.StartOf(period.From), city.StartOf(period.To.AddDays(1)));
        // A report's line is logged as it opens (a day's slack for a report dated a little before), its outcome whenever
        // it ends: the book keeps those reported in the period.
        await foreach (var data in database.Events.ReadDataAsync(IncidentRecord.Received, start.AddDays(-1), end.AddDays(1), ct))
            book.Received(GrainJson.Deserialize<IncidentRecord>(data));
        await foreach (var data in database.Events.ReadDataAsync(IncidentRecord.Ended, start.AddDays(-1), DateTimeOffset.MaxValue, ct))
            book.Ended(GrainJson.Deserialize<IncidentRecord>(data));
        foreach (var day in period.EachDay())
        {
            foreach (var c in await database.Checkins.CountByStationAsync(city.StartOf(day), city.StartOf(day.AddDays(1)), ct))
                book.Checkins(c.StationId, day, c.Count);
        }
        return book;
    }
}
