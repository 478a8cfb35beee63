using GridCommand.Contracts;
using GridCommand.Contracts.Cells;
using GridCommand.Contracts.Stations;
using GridCommand.Contracts.Units;
using GridCommand.Contracts.Volunteers;
using GridCommand.Grains.Coverage;
using GridCommand.Grains.Storage;
using GridCommand.Rules.Tracks;
using GridCommand.Rules.Units;

namespace GridCommand.Grains.Units;

/// <summary>
/// A patrol unit, guard or volunteer. A fix costs no database write of its own: it updates memory, goes to the
/// silo's change feed and position journal (and, sampled, to its track recorder), and reaches a cell only when the
/// unit changes cell, status or staleness. Commands are saved before they are answered.
/// </summary>
public sealed class UnitGrain(
    [PersistentState(GrainKinds.Unit, GrainKinds.Storage)] IPersistentState<UnitState> state,
    GridServices services,
    IPositionJournal journal,
    ICoverageMailbox coverageMailbox,
    ITrackRecorder tracks)
    : GridGrain<UnitState>(state, services, GrainKinds.Unit), IUnitGrain
{
    /// <summary>Marked stale within this of its newest fix growing too old.</summary>
    private static readonly TimeSpan StaleMargin = TimeSpan.FromSeconds(1);

    private readonly TrackSampler _track = new(tracks.SampleInterval);
    private IGrainTimer? _staleTimer;
    private bool _watchingStaleness;
    private UnitCoverageSender? _coverage;

    private GrainSettings Settings => Runtime.Settings;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _coverage = new UnitCoverageSender(Runtime, coverageMailbox);
        if (!State.Enrolled) return;
        // Fixes saved by the journal after the last state write (a crash, or a stop) come back first.
        if (await journal.Read(Id) is { } saved)
            Moved(State.Restore(saved.Fix, saved.Seq, Runtime.Grid, Runtime.Now, Settings.StaleAfter));
        // A cell that lost its roster with a crashed silo hears of the unit again.
        TellCell();
        WatchStaleness();
    }

    public Task ReportPosition(PositionFix fix)
    {
        if (!State.Enrolled) return Task.CompletedTask;
        var outcome = State.ApplyFix(fix, Runtime.Grid, Runtime.Now, Settings.StaleAfter);
        // A unit standing still sends no changed fix, but its cells must hear of it again now and then.
        if (!outcome.Changed)
        {
            _coverage!.RefreshIfDue(State);
            return Task.CompletedTask;
        }
        journal.Record(Id, fix, State.Seq);
        Moved(outcome);
        WatchStaleness();
        return Task.CompletedTask;
    }

    public async Task<UnitView> Enrol(UnitEnrolment e)
    {
        var wasVolunteer = State is { Enrolled: true, Kind: UnitKind.Volunteer };
        var previousStation = State.Enrol(Id, e.Kind, e.Name, e.StationId, e.PostName, e.Team, e.DeviceKeyHash);
        await Save("unit.enrolled", e.By, $"{e.Kind} {e.Name}");
        // The leaderboard lists every team with its members, points or not.
        if (wasVolunteer || e.Kind == UnitKind.Volunteer)
            _ = Grains.GetGrain<IVolunteerScoresGrain>(CityKeys.City).Enrolled(Id, e.Kind == UnitKind.Volunteer ? e.Team : null);
        if (previousStation != e.StationId)
        {
            if (previousStation is not null) _ = Station(previousStation).UnitLeft(Id);
            if (e.StationId is not null) _ = Station(e.StationId).UnitJoined(Id);
        }
        StatusChanged();
        return UnitView.Of(State);
    }

    public async Task<UnitView> SetDuty(bool onDuty, string by)
    {
        if (!State.Enrolled) throw NotFound();
        Refusal.ThrowIfRefused(State.SetDuty(onDuty));
        await Save(onDuty ? "unit.on-duty" : "unit.off-duty", by);
        StatusChanged();
        return UnitView.Of(State);
    }

    public Task<UnitView?> Get() => Task.FromResult(State.Enrolled ? UnitView.Of(State) : null);

    public async Task<bool> TryAssign(string taskId)
    {
        if (!State.Enrolled || !State.Assign(taskId, Runtime.Now, Settings.StaleAfter).IsOk) return false;
        await Save("unit.assigned", "dispatch", taskId);
        StatusChanged();
        return true;
    }

    public async Task StepTask(string taskId, TaskStep step)
    {
        if (!State.Step(taskId, step).IsOk) return; // a late step for a task the unit no longer has
        await Save($"unit.task-{step.ToString().ToLowerInvariant()}", State.UnitId, taskId);
        StatusChanged();
    }

    /// <summary>
    /// One timer, due when the newest fix would go stale, rather than a check every few seconds for each of tens of
    /// thousands of units: fixes meanwhile only move that moment on, and the timer, when it fires, looks again.
    /// </summary>
    private void WatchStaleness()
    {
        if (_watchingStaleness || State.Stale || State.StaleAt(Settings.StaleAfter) is not { } staleAt) return;
        _watchingStaleness = true;
        var due = staleAt - Runtime.Now + StaleMargin;
        if (due < TimeSpan.Zero) due = TimeSpan.Zero;
        if (_staleTimer is null) _staleTimer = this.RegisterGrainTimer(CheckStale, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan));
        else _staleTimer.Change(due, Timeout.InfiniteTimeSpan);
    }

    private Task CheckStale()
    {
        _watchingStaleness = false;
        if (State.CheckStale(Runtime.Now, Settings.StaleAfter)) StatusChanged();
        WatchStaleness();
        return Task.CompletedTask;
    }

    /// <summary>The cells it left and entered hear of it (only when it crossed a border or went fresh); the screens always.</summary>
    private void Moved(FixOutcome outcome)
    {
        if (outcome.CellChanged && outcome.LeftCell is { } left) _ = Cell(left).UnitLeft(Id, State.Seq);
        if (outcome.CellChanged || outcome.StaleChanged) TellCell();
        Changed(State.Snapshot());
    }

    private void StatusChanged()
    {
        TellCell();
        Changed(State.Snapshot());
    }

    /// <summary>The screens hear of every change; the unit's track keeps a sample of them; its reach's cells hear of it when their ETA moved.</summary>
    private void Changed(UnitSnapshot snapshot)
    {
        Feed.UnitChanged(snapshot);
        if (_track.Take(snapshot, Runtime.Now) is { } point) tracks.Record(Id, point);
        _coverage!.Update(State);
    }

    private void TellCell()
    {
        if (State.CellId is { } cellId) _ = Cell(cellId).UnitPresent(State.Snapshot());
    }

    private ICellGrain Cell(string cellId) => Grains.GetGrain<ICellGrain>(cellId);

    private IStationGrain Station(string stationId) => Grains.GetGrain<IStationGrain>(stationId);

    private Refusal NotFound() => Refusal.NotFound($"No unit {Id}.");
}
