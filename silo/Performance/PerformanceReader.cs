using System.Runtime.CompilerServices;
using GridCommand.Rules;
using GridCommand.Rules.Performance;
using GridCommand.Silo.Storage;

namespace GridCommand.Silo.Performance;

/// <summary>
/// A period's performance from the event log: the incident records (by name and time, through the index on
/// grain_event (what, at)) and the check-ins counted by station, of every city day from the day before the period
/// (a report dated a little earlier than logged) to <see cref="OutcomeWithin"/> after it or now. A day over for
/// <see cref="Settled"/> is added up once and kept (performance_day): later reports read that instead of its events.
/// </summary>
public sealed class PerformanceReader(GridDatabase database, CityClock city, TimeProvider clock)
{
    /// <summary>How long after a city day ends no more lines are logged for it (they carry the time they are logged).</summary>
    public static readonly TimeSpan Settled = TimeSpan.FromMinutes(10);

    /// <summary>An incident's outcome counts in its report day's figures if it is logged within this many days of it.</summary>
    public const int OutcomeWithin = 31;

    /// <param name="stationId">only this station's figures, or null for every station's (the ranking)</param>
    public async Task<PerformanceBook> ReadAsync(PerformancePeriod period, string? stationId, CancellationToken ct = default)
    {
        var book = new PerformanceBook(period, city, stationId);
        var now = clock.GetUtcNow();
        var (first, last) = (period.From.AddDays(-1), Min(period.To.AddDays(OutcomeWithin), city.Today(now)));
        var lastSettled = Min(LastSettled(now), last);
        await foreach (var days in PastDaysAsync(first, lastSettled, ct)) book.Add(days);
        await AddLoggedAsync(book, Max(first, lastSettled.AddDays(1)), last, ct);
        return book;
    }

    /// <summary>Adds up and keeps every settled day of the longest period a report may ask for that is not kept yet.</summary>
    public async Task KeepPastDaysAsync(CancellationToken ct = default)
    {
        var lastSettled = LastSettled(clock.GetUtcNow());
        await foreach (var _ in PastDaysAsync(lastSettled.AddDays(-PerformancePeriod.MaxDays), lastSettled, ct))
        {
        }
    }

    private DateOnly LastSettled(DateTimeOffset now) => city.Today(now - Settled).AddDays(-1);

    /// <summary>Each settled day's records and check-ins added up: kept ones read, the others added up from the log and kept.</summary>
    private async IAsyncEnumerable<StationDays> PastDaysAsync(DateOnly first, DateOnly last, [EnumeratorCancellation] CancellationToken ct)
    {
        var kept = await database.PerformanceDays.ReadAsync(first, last, ct);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (kept.TryGetValue(day, out var data))
            {
                yield return GrainJson.Deserialize<StationDays>(data);
                continue;
            }
            var logged = new PerformanceBook(null, city);
            await AddLoggedAsync(logged, day, day, ct);
            await database.PerformanceDays.SaveAsync(day, GrainJson.Serialize(logged.Days), ct);
            yield return logged.Days;
        }
    }

    /// <summary>The records and check-ins logged on the city days <paramref name="first"/> to <paramref name="last"/>, into the book.</summary>
    private async Task AddLoggedAsync(PerformanceBook book, DateOnly first, DateOnly last, CancellationToken ct)
    {
        if (last < first) return;
        var (from, to) = (city.StartOf(first), city.StartOf(last.AddDays(1)));
        await foreach (var data in database.Events.ReadDataAsync(IncidentRecord.Received, from, to, ct))
            book.Received(GrainJson.Deserialize<IncidentRecord>(data));
        await foreach (var data in database.Events.ReadDataAsync(IncidentRecord.Ended, from, to, ct))
            book.Ended(GrainJson.Deserialize<IncidentRecord>(data));
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            foreach (var c in await database.Checkins.CountByStationAsync(city.StartOf(day), city.StartOf(day.AddDays(1)), ct))
                book.Checkins(c.StationId, day, c.Count);
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
