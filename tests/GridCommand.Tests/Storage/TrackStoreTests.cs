using GridCommand.Grains.Storage;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Tracks;
using GridCommand.Rules.Units;
using GridCommand.Silo.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace GridCommand.Tests.Storage;

public sealed class SqliteTrackStoreTests(SqliteTestDatabase db) : TrackStoreContract(db, () => new SqliteTestDatabase()), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresTrackStoreTests(PostgresTestDatabase db) : TrackStoreContract(db, () => new PostgresTestDatabase()), IClassFixture<PostgresTestDatabase>;

/// <summary>
/// The track store on each database: what the silo's recorder saves is found again by unit and time and by box and
/// time, two writers of one unit never overwrite each other, and tracks older than the retention are deleted.
/// The classes share a database, so each test's units have ids and a corner of the map of their own.
/// </summary>
public abstract class TrackStoreContract(TestDatabase db, Func<TestDatabase> emptyDatabase) : StoreContract(db)
{
    private static readonly DateTimeOffset T0 = new(2030, 5, 1, 9, 3, 0, TimeSpan.Zero);
    private readonly string prefix = $"T{Guid.NewGuid():N}"[..12];
    private readonly Clock clock = new(T0);
    private readonly double lat0 = 32.0 + Random.Shared.Next(100) * 0.05;

    [Fact]
    public async Task Tracks_saved_by_the_recorder_are_read_back_by_unit_and_time_in_order()
    {
        var recorder = Recorder();
        var (a, b) = ($"{prefix}-a", $"{prefix}-b");
        for (var s = 0; s < 30 * 60; s += 10) // half an hour across four buckets, moving a metre or so a second
        {
            recorder.Record(a, Point(s, lat0 + s * 1e-5, DutyStatus.Available));
            recorder.Record(b, Point(s, lat0 + 0.02, s < 600 ? DutyStatus.Available : DutyStatus.EnRoute));
            if (s % 300 == 0) await recorder.SaveAsync(); // and saved every 5 minutes meanwhile
        }
        await recorder.SaveAsync();

        var window = new ReplayWindow(T0.AddMinutes(5), T0.AddMinutes(20));
        var tracks = await Database.Tracks.ReadUnitsAsync([a, b, $"{prefix}-none"], window);

        Assert.Equal([a, b], tracks.Keys.Order());
        Assert.Equal(Enumerable.Range(30, 91).Select(i => T0.AddSeconds(i * 10)), tracks[a].Select(p => p.At));
        Assert.Equal(lat0 + 300 * 1e-5, tracks[a][0].Lat, 5);
        Assert.Equal(DutyStatus.Available, tracks[b].First().Status);
        Assert.Equal(DutyStatus.EnRoute, tracks[b].Last().Status);
    }

    [Fact]
    public async Task An_area_replay_finds_every_unit_that_was_inside_the_box_in_the_window_and_no_other()
    {
        var recorder = Recorder();
        var box = new GeoBounds(lat0, 119.40, lat0 + 0.03, 119.43);
        var (inside, passing, outside, earlier) = ($"{prefix}-in", $"{prefix}-pass", $"{prefix}-out", $"{prefix}-early");
        for (var s = 0; s <= 20 * 60; s += 10)
        {
            recorder.Record(inside, Point(s, lat0 + 0.015, DutyStatus.OnScene, 119.415));
            // drives west to east through the box at about 40 km/h: inside from minute 6 to minute 12 or so
            recorder.Record(passing, Point(s, lat0 + 0.01, DutyStatus.EnRoute, 119.36 + s * 0.0001));
            recorder.Record(outside, Point(s, lat0 + 0.035, DutyStatus.Available, 119.415)); // just north, a tile the box touches
            if (s < 120) recorder.Record(earlier, Point(s, lat0 + 0.02, DutyStatus.Available, 119.42));
        }
        await recorder.SaveAsync();

        var mine = (IReadOnlyDictionary<string, List<TrackPoint>> t) => t.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order();
        var during = await Database.Tracks.ReadAreaAsync(box, new ReplayWindow(T0.AddMinutes(5), T0.AddMinutes(15)));
        var later = await Database.Tracks.ReadAreaAsync(box, new ReplayWindow(T0.AddMinutes(15), T0.AddMinutes(20)));

        Assert.Equal(new[] { inside, passing }.Order(), mine(during));
        Assert.All(during[passing], p => Assert.InRange(p.At, T0.AddMinutes(5), T0.AddMinutes(15)));
        Assert.Contains(during[passing], p => box.Contains(new GeoPoint(p.Lat, p.Lon)));
        Assert.Equal([inside], mine(later));
    }

    [Fact]
    public async Task Hundreds_of_units_saved_in_one_batch_are_all_read_back()
    {
        var recorder = Recorder();
        var ids = Enumerable.Range(0, 450).Select(i => $"{prefix}-{i}").ToList(); // more than one statement's rows on PostgreSQL
        foreach (var (id, i) in ids.Select((id, i) => (id, i))) recorder.Record(id, Point(i % 60, lat0 + i * 1e-4, DutyStatus.Available));
        await recorder.SaveAsync();

        var tracks = await Database.Tracks.ReadUnitsAsync(ids, new ReplayWindow(T0, T0.AddMinutes(1)));

        Assert.Equal(ids.Order(), tracks.Keys.Order());
        Assert.Equal(lat0 + 449 * 1e-4, Assert.Single(tracks[ids[449]]).Lat, 5);
    }

    [Fact]
    public async Task Two_recorders_writing_one_unit_keep_both_their_points()
    {
        var unit = $"{prefix}-moved";
        var first = Recorder();
        var second = Recorder(); // the unit came back on another silo within the same bucket
        first.Record(unit, Point(0, lat0, DutyStatus.Available));
        first.Record(unit, Point(10, lat0, DutyStatus.Available));
        await first.SaveAsync();
        second.Record(unit, Point(20, lat0, DutyStatus.Assigned));
        await second.SaveAsync();
        first.Record(unit, Point(30, lat0, DutyStatus.Available)); // a late save of the first silo
        await first.SaveAsync();

        var track = (await Database.Tracks.ReadUnitsAsync([unit], new ReplayWindow(T0, T0.AddMinutes(1))))[unit];

        Assert.Equal([0, 10, 20, 30], track.Select(p => (int)(p.At - T0).TotalSeconds));
    }

    [Fact]
    public async Task A_failed_save_keeps_the_points_for_the_next_one()
    {
        var unit = $"{prefix}-retry";
        var empty = emptyDatabase();
        await empty.InitializeAsync();
        try
        {
            await using var noTable = GridDatabase.Create(empty.Provider, empty.ConnectionString, "gridcommand"); // no schema yet: saves fail
            var recorder = new TrackRecorder(noTable.Tracks, new TrackSettings(), clock, NullLogger<TrackRecorder>.Instance);
            recorder.Record(unit, Point(0, lat0, DutyStatus.Available));
            await recorder.SaveAsync(); // logs a warning and keeps the point

            await noTable.EnsureSchemaAsync();
            recorder.Record(unit, Point(10, lat0, DutyStatus.Available));
            await recorder.SaveAsync();

            var track = (await noTable.Tracks.ReadUnitsAsync([unit], new ReplayWindow(T0, T0.AddMinutes(1))))[unit];
            Assert.Equal([0, 10], track.Select(p => (int)(p.At - T0).TotalSeconds));
        }
        finally
        {
            await empty.DisposeAsync();
        }
    }

    [Fact]
    public async Task Tracks_older_than_the_retention_are_deleted_and_newer_ones_kept()
    {
        var unit = $"{prefix}-old";
        var recorder = Recorder(new TrackSettings { Retention = TimeSpan.FromHours(1) });
        recorder.Record(unit, Point(0, lat0, DutyStatus.Available));
        recorder.Record(unit, Point(50 * 60, lat0, DutyStatus.Available));
        recorder.Record(unit, Point(90 * 60, lat0, DutyStatus.Available));
        await recorder.SaveAsync();

        clock.Now = T0.AddMinutes(95); // an hour ago is minute 35: the bucket of minute 0 is over by then, minute 50's is not
        await recorder.PruneAsync();

        var track = (await Database.Tracks.ReadUnitsAsync([unit], new ReplayWindow(T0.AddHours(-1), T0.AddHours(2))))[unit];
        Assert.Equal([50, 90], track.Select(p => (int)(p.At - T0).TotalMinutes));
    }

    private TrackRecorder Recorder(TrackSettings? settings = null) =>
        new(Database.Tracks, settings ?? new TrackSettings(), clock, NullLogger<TrackRecorder>.Instance);

    private static TrackPoint Point(int second, double lat, DutyStatus status, double lon = 119.4) => new(T0.AddSeconds(second), lat, lon, status);

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
