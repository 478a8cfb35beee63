using System.Collections.Concurrent;
using System.Diagnostics;
using Akka.Actor;
using GridCommand.Grains.Actors;
using GridCommand.Grains.Geo;
using GridCommand.Grains.Messages;
using GridCommand.Grains.Units;
using GridCommand.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The load benchmark: one node, N units each reporting every 5 s (30,000 → 6,000 fixes/s), for a
// while; prints the fix throughput that reached the screens' feed, its delay, recommendation and
// dispatch times, database writes and memory.
//   dotnet run -c Release --project bench -- --units 30000 --seconds 60 [--storage sqlite|postgres --cs "..."]
var options = new ConfigurationBuilder().AddCommandLine(args).Build();
var units = options.GetValue("units", 30_000);
var seconds = options.GetValue("seconds", 60);
var provider = options.GetValue("storage", "sqlite")!;
var database = Path.Combine(Path.GetTempPath(), $"gridcommand-bench-{Guid.NewGuid():N}.db");
var connection = options.GetValue("cs", $"Data Source={database}")!;
var reportEvery = TimeSpan.FromSeconds(5);

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Simulation:Enabled"] = "false",
    ["Storage:Provider"] = provider,
    ["Storage:ConnectionString"] = connection,
    ["Serilog:MinimumLevel:Default"] = "Warning",
});
builder.Logging.AddGridLogging(builder.Configuration);
builder.Services.AddGridNode(builder.Configuration);
using var host = builder.Build();
await host.StartAsync();
var node = host.Services.GetRequiredService<GridNode>();
var grid = node.Runtime.Grid;
Console.WriteLine($"GridCommand benchmark: {units:N0} units, one fix each per {reportEvery.TotalSeconds:0} s, {seconds} s, {provider}, {Environment.ProcessorCount} cores");

// Enroll and put on duty.
var random = new Random(1);
var b = grid.Bounds;
var positions = Enumerable.Range(0, units)
    .Select(_ => new GeoPoint(b.South + random.NextDouble() * (b.North - b.South), b.West + random.NextDouble() * (b.East - b.West)))
    .ToArray();
string Id(int i) => $"B{i:D6}";
var clock = Stopwatch.StartNew();
await Parallel.ForEachAsync(Enumerable.Range(0, units), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
{
    var kind = i % 10 == 0 ? UnitKind.PatrolCar : UnitKind.Guard;
    await node.Ask(node.Units, new EnrollUnit(Id(i), kind, $"单位{i}", null, null, null, "x", "bench"), TimeSpan.FromSeconds(60));
    await node.Ask(node.Units, new SetDuty(Id(i), true, "bench"), TimeSpan.FromSeconds(60));
});
Console.WriteLine($"enrolled and on duty: {units:N0} units in {clock.Elapsed.TotalSeconds:F1} s ({units / clock.Elapsed.TotalSeconds:N0}/s, two saved commands each)");

// Count what reaches the screens' feed, and how late.
long delivered = 0;
var delays = new ConcurrentBag<double>();
node.System.ActorOf(TopicSubscriber.Props(Topics.CityChanges, m =>
{
    var now = DateTimeOffset.UtcNow;
    foreach (var u in ((CityChanges)m).Units)
    {
        Interlocked.Increment(ref delivered);
        if (u.FixAt is { } at && Random.Shared.Next(50) == 0) delays.Add((now - at).TotalMilliseconds);
    }
}));

// Drive: every 100 ms, a fiftieth of the units report (each unit every 5 s).
var slices = (int)(reportEvery / TimeSpan.FromMilliseconds(100));
long sent = 0;
var gcBefore = GC.CollectionCount(0);
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
clock.Restart();
var deliveredAtStart = Interlocked.Read(ref delivered);
using (var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100)))
{
    var tick = 0;
    while (clock.Elapsed < TimeSpan.FromSeconds(seconds) && await timer.WaitForNextTickAsync())
    {
        var now = DateTimeOffset.UtcNow;
        for (var i = tick % slices; i < units; i += slices)
        {
            positions[i] = positions[i].Offset(random.Next(5, 40), random.Next(360));
            var p = positions[i];
            if (!b.Contains(p)) positions[i] = p = new GeoPoint((b.South + b.North) / 2, (b.West + b.East) / 2);
            node.Units.Tell(new ReportPosition(Id(i), p.Lat, p.Lon, now, 20, 90, 5), ActorRefs.NoSender);
            sent++;
        }
        tick++;
    }
}
var elapsed = clock.Elapsed.TotalSeconds;
var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
await Task.Delay(TimeSpan.FromSeconds(2)); // let the last batches arrive
var got = Interlocked.Read(ref delivered) - deliveredAtStart;
var sortedDelays = delays.Order().ToArray();
double Pct(double p) => sortedDelays.Length == 0 ? double.NaN : sortedDelays[(int)Math.Min(sortedDelays.Length - 1, p * sortedDelays.Length)];
Console.WriteLine($"fixes sent: {sent:N0} in {elapsed:F1} s = {sent / elapsed:N0}/s");
Console.WriteLine($"fixes on the screens' feed: {got:N0} = {got / elapsed:N0}/s ({100.0 * got / sent:F1}% of sent)");
Console.WriteLine($"fix → feed delay: p50 {Pct(0.5):F0} ms, p90 {Pct(0.9):F0} ms, p99 {Pct(0.99):F0} ms");
Console.WriteLine($"CPU while driving (sender included): {cpu / elapsed * 100:F0}% of one core; gen-0 collections: {GC.CollectionCount(0) - gcBefore}");

// Recommendations and dispatches against the loaded city.
var recommend = new List<double>();
var dispatch = new List<double>();
for (var i = 0; i < 50; i++)
{
    var at = positions[random.Next(units)];
    var incident = $"BENCH-{i}";
    await node.Ask(node.Incidents, new OpenIncident(incident, "fight", 1, at.Lat, at.Lon, null, null,
        GridCommand.Grains.Incidents.IncidentSource.Call110, null, DateTimeOffset.UtcNow, "bench"));
    var sw = Stopwatch.StartNew();
    await node.Ask(node.Incidents, new GetRecommendations(incident, 5, null), TimeSpan.FromSeconds(30));
    recommend.Add(sw.Elapsed.TotalMilliseconds);
    sw.Restart();
    await node.Ask(node.Incidents, new DispatchUnit(incident, null, null, false, false, "bench"), TimeSpan.FromSeconds(30));
    dispatch.Add(sw.Elapsed.TotalMilliseconds);
}
recommend.Sort();
dispatch.Sort();
Console.WriteLine($"recommendation (ring search + ranking): p50 {recommend[25]:F1} ms, p90 {recommend[45]:F1} ms");
Console.WriteLine($"one-click dispatch (search + assign + save): p50 {dispatch[25]:F1} ms, p90 {dispatch[45]:F1} ms");

GC.Collect();
GC.WaitForPendingFinalizers();
GC.Collect();
var heap = GC.GetTotalMemory(true);
var process = Process.GetCurrentProcess();
Console.WriteLine($"memory: managed heap {heap / 1048576.0:F0} MB ({heap / (double)units:N0} bytes per unit incl. cells), working set {process.WorkingSet64 / 1048576.0:F0} MB");

await host.StopAsync();
foreach (var f in new[] { database, database + "-wal", database + "-shm" }) File.Delete(f);
