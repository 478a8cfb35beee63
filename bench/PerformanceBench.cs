using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Dapper;
using GridCommand.Rules;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Performance;
using GridCommand.Rules.Units;
using GridCommand.Silo.Performance;
using GridCommand.Silo.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GridCommand.Bench;

/// <summary>
/// The stations' performance benchmark: writes --performance days of a city's incidents into the event log (per incident
/// its opening, its structured report and outcome records and the steps between, as the incident grain logs them),
/// then times the code behind GET /api/stations/{id}/performance and GET /api/stations/performance (the event log
/// read through its index, the records added up by the rules, the report serialized) for a week, a month and the year.
/// No server: this measures the store and the rules, not HTTP.
/// </summary>
public static class PerformanceBench
{
    private const int Stations = 30;
    private const int QueryRuns = 3;
    private static readonly CityClock City = CityClock.InZone(CityClock.DefaultZone);

    public static async Task<int> RunAsync(BenchOptions options, int days)
    {
        var sqliteFile = options.Storage == "sqlite" && options.ConnectionString is null
            ? Path.Combine(Path.GetTempPath(), $"gridcommand-performance-{Guid.NewGuid():N}.db") : null;
        var connectionString = options.ConnectionString ?? $"Data Source={sqliteFile}";
        await using var database = GridDatabase.Create(options.Storage, connectionString, "gridcommand");
        await database.EnsureSchemaAsync();
        var today = City.Today(DateTimeOffset.UtcNow);
        var first = today.AddDays(1 - days);
        Console.WriteLine($"Station performance benchmark: {days} days × {options.IncidentsPerDay:N0} incidents over {Stations} stations, " +
                          $"on {options.Storage}{(sqliteFile is null ? "" : $" ({sqliteFile})")}, {Environment.ProcessorCount} cores");

        var writing = Stopwatch.StartNew();
        long rows = 0;
        await using (var db = await Open(options.Storage, connectionString))
        {
            var random = new Random(5);
            for (var day = first; day <= today; day = day.AddDays(1))
            {
                await using var transaction = await db.BeginTransactionAsync();
                var events = Enumerable.Range(0, options.IncidentsPerDay).SelectMany(i => Incident(day, i, random)).ToList();
                await db.ExecuteAsync(
                    "INSERT INTO grain_event (at, actor, what, grain_kind, grain_id, data) VALUES (@At, @Actor, @What, 'incident', @GrainId, @Data)",
                    events, transaction);
                await transaction.CommitAsync();
                rows += events.Count;
                if (day.Day == 1) Console.WriteLine($"  {day:yyyy-MM} written, {rows:N0} events, {writing.Elapsed.TotalSeconds:F0} s");
            }
        }
        writing.Stop();

        var reader = new PerformanceReader(database, City, TimeProvider.System);
        Console.WriteLine();
        Console.WriteLine("| figure | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| events written ({days} days × {options.IncidentsPerDay:N0} incidents) | {rows:N0} in {writing.Elapsed.TotalSeconds:F0} s |");
        // The longest first: its first run adds up every past day (kept in performance_day), the later ones read those.
        foreach (var (label, span) in new[] { ($"{days} days", days), ("a month", 30), ("a week", 7) })
        {
            var period = new PerformancePeriod(today.AddDays(1 - span), today);
            var station = await Time(async () => JsonSerializer.Serialize((await reader.ReadAsync(period, "S01")).Station("S01", "S01")).Length);
            var ranking = await Time(async () => JsonSerializer.Serialize((await reader.ReadAsync(period, null)).Ranking(new Dictionary<string, string>())).Length);
            Console.WriteLine($"| one station's report, {label} | {station} |");
            Console.WriteLine($"| the city's ranking, {label} | {ranking} |");
        }
        if (sqliteFile is not null)
        {
            Console.WriteLine($"| size on disk | {new[] { sqliteFile, sqliteFile + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length) / 1048576.0:N0} MB |");
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" }) File.Delete(file);
        }
        return 0;
    }

    /// <summary>One incident's lines: a fifth diverted at once, the rest dispatched and (mostly) ended; a few called in more than once.</summary>
    private static IEnumerable<Row> Incident(DateOnly day, int n, Random random)
    {
        var id = $"I{day:yyMMdd}-{n:D5}";
        var created = City.StartOf(day).AddSeconds(random.Next(86_400));
        var diverted = random.Next(5) == 0;
        var record = new IncidentRecord($"S{random.Next(Stations) + 1:D2}", $"C{random.Next(36):D2}-{random.Next(36):D2}", diverted ? "noise" : "theft",
            created, null, null, null, random.Next(8) == 0 ? 2 : 1, diverted ? IncidentStatus.Diverted : IncidentStatus.New, diverted ? "城管" : null, null);
        yield return new Row(created, "dispatcher", "incident.opened", id, $"{record.Type} P2 call110");
        yield return new Row(created, "dispatcher", IncidentRecord.Received, id, GrainJson.Serialize(record));
        if (diverted)
        {
            yield return new Row(created, "dispatcher", IncidentRecord.Ended, id, GrainJson.Serialize(record));
            yield break;
        }
        var sent = created.AddSeconds(30 + random.Next(120));
        var there = sent.AddSeconds(60 + random.Next(900));
        var kind = (UnitKind)random.Next(6);
        yield return new Row(sent, "dispatcher", "incident.dispatched", id, $"{id}-T1 → U{n}");
        yield return new Row(there, $"U{n}", "task.arrive", id, $"{id}-T1");
        if (random.Next(20) == 0) yield break; // still open
        var ended = there.AddMinutes(5 + random.Next(60));
        yield return new Row(ended, $"U{n}", IncidentRecord.Ended, id, GrainJson.Serialize(record with
        {
            FirstDispatchAt = sent, FirstOnSceneAt = there, FirstOnSceneKind = kind, Status = IncidentStatus.Resolved,
        }));
    }

    private static async Task<DbConnection> Open(string storage, string connectionString)
    {
        DbConnection db = storage == "sqlite" ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        return db;
    }

    /// <summary>The query run a few times: the first and the fastest of the rest.</summary>
    private static async Task<string> Time(Func<Task<int>> query)
    {
        var times = new List<double>();
        var bytes = 0;
        for (var i = 0; i < QueryRuns; i++)
        {
            var clock = Stopwatch.StartNew();
            bytes = await query();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return $"first {times[0]:N0} ms, then {times.Skip(1).Min():N0} ms ({bytes / 1024.0:N0} KB of JSON)";
    }

    /// <param name="At">UTC, as the event log writes it</param>
    private sealed record Row(DateTime At, string Actor, string What, string GrainId, string? Data)
    {
        public Row(DateTimeOffset at, string actor, string what, string grainId, string? data) : this(at.UtcDateTime, actor, what, grainId, data) { }
    }
}
