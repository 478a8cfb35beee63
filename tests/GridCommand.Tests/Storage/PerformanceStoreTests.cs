using GridCommand.Grains.Storage;
using GridCommand.Rules;
using GridCommand.Rules.Checkins;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Performance;
using GridCommand.Rules.Units;
using GridCommand.Silo.Performance;
using GridCommand.Silo.Storage;
using Xunit;

namespace GridCommand.Tests.Storage;

public sealed class SqlitePerformanceStoreTests(SqliteTestDatabase db)
    : PerformanceStoreContract(db, () => new SqliteTestDatabase()), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresPerformanceStoreTests(PostgresTestDatabase db)
    : PerformanceStoreContract(db, () => new PostgresTestDatabase()), IClassFixture<PostgresTestDatabase>;

/// <summary>
/// The stations' performance read from the store, once per database: the event log's records of one name in a time
/// range, and a station's figures and the ranking from them and the check-in table. Each test has a station and a
/// period of its own (the class shares its database).
/// </summary>
public abstract class PerformanceStoreContract(TestDatabase db, Func<TestDatabase> emptyDatabase) : StoreContract(db)
{
    private static readonly CityClock China = CityClock.InZone("Asia/Shanghai");
    private readonly string station = $"S-{Guid.NewGuid():N}"[..12];

    [Fact]
    public async Task Records_of_one_name_are_read_from_the_start_of_the_range_to_before_its_end()
    {
        var what = $"test.{Guid.NewGuid():N}";
        var at = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        foreach (var (offset, data) in new[] { (-1, "before"), (0, "first"), (59, "last"), (60, "after") })
            await Database.Events.AppendAsync(new GrainEvent(at.AddMinutes(offset), "test", what, "incident", "I1", data));
        await Database.Events.AppendAsync(new GrainEvent(at, "test", what + "-other", "incident", "I1", "other"));

        var read = new List<string>();
        await foreach (var data in Database.Events.ReadDataAsync(what, at, at.AddHours(1))) read.Add(data);

        Assert.Equal(["first", "last"], read.Order());
    }

    [Fact]
    public async Task A_stations_figures_come_from_the_logged_records_and_check_ins_on_the_city_day_each_incident_was_reported()
    {
        var day = new DateOnly(2026, 4, 6);                        // a Monday
        var lastMinuteInChina = new DateTimeOffset(2026, 4, 6, 15, 59, 0, TimeSpan.Zero);
        var late = Record(lastMinuteInChina, IncidentStatus.New);
        await Log(IncidentRecord.Received, late, lastMinuteInChina);
        // Resolved after midnight by a volunteer, 90 s after the dispatch: still Monday's incident.
        await Log(IncidentRecord.Ended, late with
        {
            Status = IncidentStatus.Resolved, FirstDispatchAt = lastMinuteInChina.AddMinutes(2), FirstOnSceneAt = lastMinuteInChina.AddMinutes(2).AddSeconds(90),
            FirstOnSceneKind = UnitKind.Volunteer,
        }, lastMinuteInChina.AddHours(2));
        var tuesday = Record(lastMinuteInChina.AddMinutes(2), IncidentStatus.New);
        await Log(IncidentRecord.Received, tuesday, tuesday.CreatedAt);
        await Database.Checkins.AddAsync(new Checkin($"K{Guid.NewGuid():N}"[..12], "G1", "李强", UnitKind.Guard, station, "C01-01",
            CheckinCategory.Visit, null, 32.4, 119.4, lastMinuteInChina.AddSeconds(30)));

        var reader = new PerformanceReader(Database, China, TimeProvider.System);
        var report = (await reader.ReadAsync(new PerformancePeriod(day, day.AddDays(1)), station)).Station(station, "测试站");

        Assert.Equal([1, 1], report.Days.Select(d => d.Received));
        Assert.Equal([1.0, 0.0], report.Days.Select(d => d.ClosureRate!.Value));
        Assert.Equal([90.0, null], report.Days.Select(d => d.ResponseP50Seconds));
        Assert.Equal([1.0, null], report.Days.Select(d => d.NeighboursFirstRate));
        Assert.Equal([1, 0], report.Days.Select(d => d.Checkins));
        Assert.Equal((2, 1), (report.Total.Received, report.Total.Handled));

        // Those past days were added up once and kept: a second report reads them, with the same figures.
        Assert.Contains(station, (await Database.PerformanceDays.ReadAsync(day, day))[day]);
        var again = (await reader.ReadAsync(new PerformancePeriod(day, day.AddDays(1)), station)).Station(station, "测试站");
        Assert.Equal(report.Days, again.Days);
        Assert.Equal(report.Total, again.Total);
    }

    [Fact]
    public async Task Today_is_read_from_the_event_log_as_it_grows_and_not_kept()
    {
        var now = DateTimeOffset.UtcNow;
        var today = China.Today(now);
        var reader = new PerformanceReader(Database, China, TimeProvider.System);
        await Log(IncidentRecord.Received, Record(now, IncidentStatus.New), now);
        Assert.Equal(1, (await reader.ReadAsync(new PerformancePeriod(today, today), station)).Station(station, null).Total.Received);

        await Log(IncidentRecord.Received, Record(now, IncidentStatus.New), now);
        Assert.Equal(2, (await reader.ReadAsync(new PerformancePeriod(today, today), station)).Station(station, null).Total.Received);
        Assert.Empty(await Database.PerformanceDays.ReadAsync(today, today));
    }

    [Fact]
    public async Task The_ranking_reads_every_station_in_the_period_and_nothing_outside_it()
    {
        var day = new DateOnly(2026, 5, 11);
        var noon = China.StartOf(day).AddHours(12);
        var other = station + "b";
        foreach (var (id, status) in new[] { (station, IncidentStatus.Closed), (other, IncidentStatus.New) })
        {
            var r = Record(noon, IncidentStatus.New) with { StationId = id };
            await Log(IncidentRecord.Received, r, noon);
            if (status != IncidentStatus.New) await Log(IncidentRecord.Ended, r with { Status = status, ClosedAt = noon.AddHours(1) }, noon.AddHours(1));
        }
        await Log(IncidentRecord.Received, Record(noon.AddDays(1), IncidentStatus.New), noon.AddDays(1)); // the next day: outside

        var ranking = (await new PerformanceReader(Database, China, TimeProvider.System).ReadAsync(new PerformancePeriod(day, day), null))
            .Ranking(new Dictionary<string, string>());

        var ours = ranking.Stations.Where(s => s.StationId.StartsWith(station, StringComparison.Ordinal)).ToList();
        Assert.Equal([station, other], ours.Select(s => s.StationId));
        Assert.Equal([1, 1], ours.Select(s => s.Figures.Received));
        Assert.Equal([1.0, 0.0], ours.Select(s => s.Figures.ClosureRate!.Value));
    }

    [Fact]
    public async Task Keeping_the_past_days_adds_up_every_settled_day_a_report_may_ask_for()
    {
        // A database of its own: the others' days must not be kept before their events are written.
        var empty = emptyDatabase();
        await empty.InitializeAsync();
        try
        {
            await using var own = GridDatabase.Create(empty.Provider, empty.ConnectionString, "gridcommand");
            await own.EnsureSchemaAsync();
            var yesterday = China.Today(DateTimeOffset.UtcNow - PerformanceReader.Settled).AddDays(-1);
            var noon = China.StartOf(yesterday).AddHours(12);
            await own.Events.AppendAsync(new GrainEvent(noon, "test", IncidentRecord.Received, "incident", "I1", GrainJson.Serialize(Record(noon, IncidentStatus.New))));

            await new PerformanceReader(own, China, TimeProvider.System).KeepPastDaysAsync();

            var kept = await own.PerformanceDays.ReadAsync(yesterday.AddDays(-PerformancePeriod.MaxDays), yesterday);
            Assert.Equal(PerformancePeriod.MaxDays + 1, kept.Count);
            Assert.Contains(station, kept[yesterday]);
        }
        finally
        {
            await empty.DisposeAsync();
        }
    }

    private IncidentRecord Record(DateTimeOffset createdAt, IncidentStatus status) =>
        new(station, "C01-01", "theft", createdAt, null, null, null, 1, status, null, null);

    private Task Log(string what, IncidentRecord r, DateTimeOffset at) =>
        Database.Events.AppendAsync(new GrainEvent(at, "test", what, "incident", $"I-{Guid.NewGuid():N}", GrainJson.Serialize(r)));
}
