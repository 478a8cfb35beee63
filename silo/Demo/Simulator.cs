using GridCommand.Contracts;
using GridCommand.Contracts.Cells;
using GridCommand.Contracts.Intake;
using GridCommand.Contracts.Stations;
using GridCommand.Contracts.Units;
using GridCommand.Grains;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Units;
using GridCommand.Silo.Feed;
using GridCommand.Silo.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GridCommand.Silo.Demo;

/// <summary>
/// The living demo city: registers the demo stations and units once, puts them on duty, then every
/// second moves them and sends each unit's fix every few seconds down the same path a device uses,
/// and raises incidents at the configured rate with a realistic mix of types.
/// </summary>
public sealed partial class Simulator(
    IGrainFactory grains,
    CityGrid grid,
    GridDatabase database,
    TimeProvider clock,
    IOptions<SimulationOptions> options,
    ILogger<Simulator> log) : BackgroundService
{
    public const string DemoDeviceKey = "demo";
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RetrySeedAfter = TimeSpan.FromSeconds(10);
    private readonly Random _random = new(7);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        try
        {
            var city = new DemoCity(grid, options.Value);
            await SeedUntilDone(city, stop);
            await RunAsync(city, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// A cluster still forming or a database at its connection limit must not stop the host: seeding skips what is
    /// already there, so it is simply tried again.
    /// </summary>
    private Task SeedUntilDone(DemoCity city, CancellationToken stop) =>
        StartupWork.UntilDone(() => SeedAsync(city, stop), RetrySeedAfter, e => e is not OperationCanceledException,
            e => LogSeedFailed(log, RetrySeedAfter.TotalSeconds, e.GetType().Name, e.Message), stop);

    private async Task SeedAsync(DemoCity city, CancellationToken stop)
    {
        var knownStations = (await database.Grains.ReadAllAsync(GrainKinds.Station, stop)).Select(r => r.Id).ToHashSet();
        foreach (var s in city.Stations.Where(s => !knownStations.Contains(s.Id)))
            await grains.GetGrain<IStationGrain>(s.Id).Register(new StationRegistration(s.Name, s.Kind, s.Location.Lat, s.Location.Lon, s.CellIds));

        var knownUnits = (await database.Grains.ReadAllAsync(GrainKinds.Unit, stop)).Select(r => r.Id).ToHashSet();
        var newUnits = city.Units.Where(u => !knownUnits.Contains(u.Id)).ToList();
        await Parallel.ForEachAsync(newUnits, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = stop }, async (u, _) =>
        {
            var unit = grains.GetGrain<IUnitGrain>(u.Id);
            await unit.Enrol(new UnitEnrolment(u.Kind, u.Name, u.StationId, u.PostName, u.Team, DeviceKeys.Hash(u.Id, DemoDeviceKey), "simulator"));
            await unit.SetDuty(true, "simulator");
        });
        // A cell whose grid worker is already this one saves nothing.
        await Parallel.ForEachAsync(city.GridWorkers, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = stop }, (w, _) =>
            new ValueTask(grains.GetGrain<ICellGrain>(w.Key).SetGridWorker(w.Value, "simulator")));
        log.LogInformation("Demo city: {Stations} stations, {Units} units ({New} newly enrolled), {Cells} grid cells",
            city.Stations.Count, city.Units.Count, newUnits.Count, grid.Cells.Count);
    }

    private async Task RunAsync(DemoCity city, CancellationToken stop)
    {
        var o = options.Value;
        // The manual units are enrolled and on duty, but neither moved nor answering: a person drives them from /field.
        var movers = city.Units.Where(u => !o.ManualUnits.Contains(u.Id))
            .Select(u => (Unit: u, Motion: new Movement(u, grid.Bounds, _random))).ToArray();
        var crews = new SimulatedCrews(grains, movers.ToDictionary(m => m.Unit.Id, m => m.Motion), _random);
        var dispatcher = new SimulatedDispatcher(grains, o.DispatcherPatience);
        if (o.CrewsAnswerTasks) _ = FeedSubscription.KeepRegistered(grains, crews, log, stop);
        var volunteers = new SimulatedVolunteers(grains, movers.Select(m => m.Unit.Id).ToHashSet(), _random);
        if (o.CrewsAnswerTasks) _ = FeedSubscription.KeepRegistered(grains, volunteers, log, stop);
        var ticksPerReport = Math.Max(1, (int)Math.Round(o.ReportInterval / Tick));
        var incidentChancePerTick = o.IncidentsPerMinute * Tick.TotalMinutes;
        var chat = new SimulatedChat(grains, grid);
        var chatChancePerTick = o.ChatMessagesPerMinute * Tick.TotalMinutes;
        var cameraAlarms = new SimulatedCameraAlarms(grains, grid);
        var cameraAlarmChancePerTick = o.CameraAlarmsPerMinute * Tick.TotalMinutes;
        var typeBag = IncidentTypes.All.SelectMany(t => Enumerable.Repeat(t, t.DemoWeight)).ToArray();
        long tick = 0, fixes = 0, incidents = 0;
        var lastLog = clock.GetUtcNow();

        using var timer = new PeriodicTimer(Tick);
        while (await timer.WaitForNextTickAsync(stop))
        {
            var now = clock.GetUtcNow();
            crews.Tick(now);
            volunteers.Tick(now);
            if (tick % 5 == 0) _ = dispatcher.Review(now);
            for (var i = 0; i < movers.Length; i++)
            {
                var (unit, motion) = movers[i];
                motion.Step(Tick);
                if ((i + tick) % ticksPerReport != 0) continue;
                _ = grains.GetGrain<IUnitGrain>(unit.Id).ReportPosition(new PositionFix(motion.Position, now, motion.SpeedKmh, motion.HeadingDeg, 10));
                fixes++;
            }
            for (var chance = incidentChancePerTick; _random.NextDouble() < chance; chance--)
            {
                RaiseIncident(typeBag[_random.Next(typeBag.Length)], movers[_random.Next(movers.Length)].Motion.Position, dispatcher);
                incidents++;
            }
            for (var chance = chatChancePerTick; _random.NextDouble() < chance; chance--)
                chat.Post(_random, movers[_random.Next(movers.Length)].Motion.Position, now);
            for (var chance = cameraAlarmChancePerTick; _random.NextDouble() < chance; chance--) cameraAlarms.Raise(_random, now);
            tick++;
            if (now - lastLog < LogEvery) continue;
            lastLog = now;
            var sample = movers[0];
            log.LogInformation("Simulator: {Fixes} fixes and {Incidents} incidents sent so far; {Unit} ({Name}) is at {Lat:F5},{Lon:F5} in cell {Cell}",
                fixes, incidents, sample.Unit.Id, sample.Unit.Name, sample.Motion.Position.Lat, sample.Motion.Position.Lon,
                grid.CellAt(sample.Motion.Position)?.Id ?? "-");
        }
    }

    private void RaiseIncident(IncidentType type, GeoPoint near, SimulatedDispatcher dispatcher)
    {
        var at = near.Offset(_random.NextDouble() * 300, _random.NextDouble() * 360);
        var sources = Enum.GetValues<IncidentSource>();
        var report = grains.GetGrain<IIntakeGrain>(CityKeys.City).Report(new IncidentReport(type, type.DefaultPriority, at, null,
            $"模拟警情：{type.Zh}", sources[_random.Next(sources.Length)], null, true, "simulator"));
        _ = report.ContinueWith(t =>
        {
            if (t.IsCompletedSuccessfully) dispatcher.Watch(t.Result);
        }, TaskScheduler.Default);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo city not seeded yet, trying again in {Seconds} s: {Error}: {Message}")]
    private static partial void LogSeedFailed(ILogger logger, double seconds, string error, string message);
}
