using System.Diagnostics;
using GridCommand.Grains.Storage;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Tracks;
using GridCommand.Rules.Units;
using GridCommand.Silo.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace GridCommand.Bench;

/// <summary>
/// The track store's benchmark: fills a database with synthetic sampled tracks through the silo's own track recorder
/// and table (a point per unit every 10 s, saved every 30 s, as a silo does), then times the two replays' queries.
/// A tenth of the units drive about (40 km/h, turning now and then, changing status now and then); the rest keep
/// to their posts, moving a few metres. No server: this measures the store, not the grains.
/// </summary>
public static class TrackBench
{
    private static readonly GeoBounds City = new(32.30, 119.30, 32.50, 119.55);
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SaveEvery = new TrackSettings().SaveInterval;
    private const int QueryRuns = 5;

    public static async Task<int> RunAsync(BenchOptions options, int hours)
    {
        var sqliteFile = options.Storage == "sqlite" && options.ConnectionString is null
            ? Path.Combine(Path.GetTempPath(), $"gridcommand-tracks-{Guid.NewGuid():N}.db") : null;
        var connectionString = options.ConnectionString ?? $"Data Source={sqliteFile}";
        await using var database = GridDatabase.Create(options.Storage, connectionString, "gridcommand");
        await database.EnsureSchemaAsync();
        var end = DateTimeOffset.UtcNow;
        var start = end - TimeSpan.FromHours(hours);
        var clock = new SimulatedClock(start);
        var recorder = new TrackRecorder(database.Tracks, new TrackSettings(), clock, NullLogger<TrackRecorder>.Instance);
        Console.WriteLine($"Track store benchmark: {options.Units:N0} units × {hours} h, a point every {Step.TotalSeconds:0} s, " +
                          $"on {options.Storage}{(sqliteFile is null ? "" : $" ({sqliteFile})")}, {Environment.ProcessorCount} cores");

        var fleet = Fleet(options.Units);
        long points = 0;
        var writing = Stopwatch.StartNew();
        var nextSave = start + SaveEvery;
        for (var at = start; at <= end; at += Step)
        {
            clock.Now = at;
            foreach (var unit in fleet)
            {
                recorder.Record(unit.Id, unit.Move(at));
                points++;
            }
            if (at < nextSave) continue;
            await recorder.SaveAsync();
            nextSave += SaveEvery;
            if ((at - start).Ticks % TimeSpan.FromHours(1).Ticks < Step.Ticks)
                Console.WriteLine($"  {at - start:hh\\:mm} simulated, {points:N0} points, {writing.Elapsed.TotalSeconds:F0} s");
        }
        clock.Now = end + TimeSpan.FromHours(1);
        await recorder.SaveAsync();
        writing.Stop();

        var random = new Random(11);
        var incidentWindow = new ReplayWindow(end.AddMinutes(-90), end.AddMinutes(-30));
        var incident = await Time(() => database.Tracks.ReadUnitsAsync(
            [.. Enumerable.Range(0, 5).Select(_ => fleet[random.Next(fleet.Length)].Id)], incidentWindow));
        var centre = new GeoPoint((City.South + City.North) / 2, (City.West + City.East) / 2);
        var district = new GeoBounds(centre.Lat - 0.0225, centre.Lon - 0.0225, centre.Lat + 0.0225, centre.Lon + 0.0225);
        var areaWindow = new ReplayWindow(end.AddMinutes(-45), end.AddMinutes(-30));
        var area = await Time(() => database.Tracks.ReadAreaAsync(district, areaWindow));

        Console.WriteLine();
        Console.WriteLine("| figure | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| points written ({options.Units:N0} units × {hours} h) | {points:N0} |");
        Console.WriteLine($"| time to write them (recorder, a save every {SaveEvery.TotalSeconds:0} s of simulated time) | {writing.Elapsed.TotalSeconds:F1} s ({points / writing.Elapsed.TotalSeconds:N0} points/s) |");
        Console.WriteLine($"| size on disk | {await SizeAsync(options.Storage, sqliteFile, database) / 1048576.0:N1} MB |");
        Console.WriteLine($"| incident replay (5 units, 1 h): query | {incident.Timing} ({incident.Result.Values.Sum(t => t.Count):N0} points) |");
        Console.WriteLine($"| area replay (a district, 0.045° ≈ 5 km square, 15 min): query | {area.Timing} ({area.Result.Count:N0} units, {area.Result.Values.Sum(t => t.Count):N0} points) |");
        if (sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" }) File.Delete(file);
        }
        return 0;
    }

    private static Unit[] Fleet(int count)
    {
        var random = new Random(7);
        return [.. Enumerable.Range(0, count).Select(i => new Unit(
            i % 10 == 0 ? $"P{i:D6}" : $"G{i:D6}",
            new GeoPoint(City.South + random.NextDouble() * (City.North - City.South), City.West + random.NextDouble() * (City.East - City.West)),
            driving: i % 10 == 0, new Random(i)))];
    }

    /// <summary>The query run a few times: the first (cold) and the median of the rest.</summary>
    private static async Task<(T Result, string Timing)> Time<T>(Func<Task<T>> query)
    {
        var times = new List<double>();
        T result = default!;
        for (var i = 0; i < QueryRuns; i++)
        {
            var clock = Stopwatch.StartNew();
            result = await query();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        var warm = times.Skip(1).Order().ToList();
        return (result, $"first {times[0]:F1} ms, then median {warm[warm.Count / 2]:F1} ms");
    }

    private static async Task<long> SizeAsync(string storage, string? sqliteFile, GridDatabase database) =>
        sqliteFile is not null
            ? new[] { sqliteFile, sqliteFile + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length)
            : await database.Tracks.SizeOnDiskAsync();

    private sealed class Unit(string id, GeoPoint at, bool driving, Random random)
    {
        private GeoPoint _at = at;
        private double _heading = random.NextDouble() * 360;
        private DutyStatus _status = DutyStatus.Available;

        public string Id { get; } = id;

        public TrackPoint Move(DateTimeOffset now)
        {
            if (driving)
            {
                if (random.Next(30) == 0) _heading = random.NextDouble() * 360;
                _at = Inside(_at.Offset(111, _heading)); // 40 km/h for 10 s
                if (random.Next(180) == 0) _status = _status == DutyStatus.Available ? DutyStatus.EnRoute : DutyStatus.Available;
            }
            else
            {
                _at = Inside(_at.Offset(random.NextDouble() * 3, random.NextDouble() * 360));
            }
            return new TrackPoint(now, _at.Lat, _at.Lon, _status);
        }

        private GeoPoint Inside(GeoPoint p)
        {
            if (City.Contains(p)) return p;
            _heading = (_heading + 180) % 360;
            return _at;
        }
    }

    private sealed class SimulatedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
