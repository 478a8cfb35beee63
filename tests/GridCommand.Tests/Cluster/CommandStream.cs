using System.Collections.Concurrent;
using System.Diagnostics;
using GridCommand.Contracts;
using GridCommand.Contracts.Incidents;
using GridCommand.Contracts.Intake;
using GridCommand.Contracts.Units;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Units;
using Xunit;

namespace GridCommand.Tests.Cluster;

/// <summary>
/// Commands as a command centre sends them, from several writers at once: enrol a unit, put it on duty, place it,
/// report an incident where it stands, dispatch it there. Each command the cluster acknowledged (its call returned)
/// is noted; one that failed is not claimed (a client would retry). Afterwards every acknowledged one must be there.
/// </summary>
public sealed class CommandStream(IGrainFactory grains)
{
    /// <summary>Long enough that no offer lapses (which would rightly free its unit) before the check.</summary>
    public const string AcceptTimeout = "00:10:00";

    private readonly ConcurrentDictionary<string, string> _units = new();
    private readonly ConcurrentBag<string> _onDuty = [];
    private readonly ConcurrentBag<string> _incidents = [];
    private readonly ConcurrentDictionary<string, TaskAssigned> _dispatches = new();

    private int Failed;

    public int Dispatched => _dispatches.Count;

    public int Enrolled => _units.Count;

    /// <summary>How soon after a kill every acknowledged command must answer again.</summary>
    public static readonly TimeSpan AnswersWithin = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Six writers run; once <paramref name="dispatchedFirst"/> dispatches are acknowledged, <paramref name="kill"/> takes a
    /// silo away and the writers go on through the failover for 15 s (a call to the dead silo gives up after 10 s). Then
    /// commands must have been acknowledged after the kill, and every acknowledged one must be there within
    /// <see cref="AnswersWithin"/> of the kill. Returns what happened, for the test's output.
    /// </summary>
    public async Task<string> SurvivesKill(Func<Task> kill, int dispatchedFirst)
    {
        using var stop = new CancellationTokenSource();
        var writing = Run(writers: 6, stop.Token);
        await Eventually.Until(() => Task.FromResult(Dispatched >= dispatchedFirst), TimeSpan.FromSeconds(60), "commands flowing");

        var enrolledBeforeKill = Enrolled;
        await kill();
        var killedAt = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(15));
        await stop.CancelAsync();
        await writing;

        Assert.True(Enrolled > enrolledBeforeKill, "no command was acknowledged after the kill");
        await Eventually.Succeeds(AssertAllThere, AnswersWithin - killedAt.Elapsed);
        Assert.InRange(killedAt.Elapsed, TimeSpan.Zero, AnswersWithin); // a last check that began in time must also end in time
        return $"{Enrolled} units acknowledged, {Failed} commands failed and were not claimed; every one there when checked {killedAt.Elapsed.TotalSeconds:F1} s after the kill";
    }

    private Task Run(int writers, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(() => Write(w, stop))));

    /// <summary>Every acknowledged command's effect, read back through the cluster.</summary>
    public async Task AssertAllThere()
    {
        foreach (var (unitId, name) in _units)
            Assert.Equal(name, (await Unit(unitId).Get())?.Unit.Name);
        foreach (var unitId in _onDuty)
            Assert.NotEqual(DutyStatus.OffDuty, (await Unit(unitId).Get())!.Unit.Status);
        foreach (var incidentId in _incidents)
            Assert.NotNull(await Incident(incidentId).Get());
        foreach (var (incidentId, task) in _dispatches)
        {
            Assert.Contains((await Incident(incidentId).Get())!.Tasks, t => t.TaskId == task.TaskId && t.UnitId == task.UnitId);
            Assert.Equal(task.TaskId, (await Unit(task.UnitId).Get())!.Unit.TaskId);
        }
    }

    private async Task Write(int writer, CancellationToken stop)
    {
        var random = new Random(writer);
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var unitId = $"K{writer}-{n}-{Guid.NewGuid():N}"[..24];
            var place = new GeoPoint(32.32 + random.NextDouble() * 0.12, 119.35 + random.NextDouble() * 0.15);
            try
            {
                await Unit(unitId).Enrol(new UnitEnrolment(UnitKind.PatrolCar, $"压力测试{unitId}", null, null, null, "hash", "test"));
                _units[unitId] = $"压力测试{unitId}";
                await Unit(unitId).SetDuty(true, "test");
                _onDuty.Add(unitId);
                await Unit(unitId).ReportPosition(new PositionFix(place, DateTimeOffset.UtcNow));
                var report = await grains.GetGrain<IIntakeGrain>(CityKeys.City).Report(new IncidentReport(IncidentTypes.Find("theft")!, 2,
                    place.Offset(50, 90), null, null, IncidentSource.Call110, $"stream-{unitId}", false, "test"));
                _incidents.Add(report.Incident.Id);
                _dispatches[report.Incident.Id] = await Incident(report.Incident.Id).Dispatch(new DispatchOrder(unitId, null, false, false, "test"));
            }
            catch (Exception)
            {
                Interlocked.Increment(ref Failed);
                await Task.Delay(200, CancellationToken.None);
            }
        }
    }

    private IUnitGrain Unit(string unitId) => grains.GetGrain<IUnitGrain>(unitId);

    private IIncidentGrain Incident(string id) => grains.GetGrain<IIncidentGrain>(id);
}
