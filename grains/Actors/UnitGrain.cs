using Akka.Actor;
using GridCommand.Grains.Geo;
using GridCommand.Grains.Messages;
using GridCommand.Grains.Units;

namespace GridCommand.Grains.Actors;

/// <summary>
/// A patrol unit, guard or volunteer. A fix costs no database write: it updates memory, tells the
/// change feed, and tells a cell only when the unit changes cell or status.
/// </summary>
public sealed class UnitGrain : GrainActor<UnitState>
{
    private const string StaleTimer = "stale";

    public UnitGrain(GrainRuntime runtime) : base(runtime, GrainKinds.Unit) { }

    public static Props Props(GrainRuntime runtime) => Akka.Actor.Props.Create(() => new UnitGrain(runtime));

    protected override void Activated() =>
        Timers.StartPeriodicTimer(StaleTimer, CheckStale.Instance, Runtime.Settings.StaleCheckInterval);

    protected override void Active()
    {
        Receive<ReportPosition>(OnPosition);
        ReceiveAsync<EnrollUnit>(OnEnroll);
        ReceiveAsync<SetDuty>(OnSetDuty);
        ReceiveAsync<AssignTask>(OnAssign);
        ReceiveAsync<AdvanceTask>(OnAdvance);
        Receive<GetUnit>(_ => Sender.Tell(State.Enrolled ? View() : NotFound()));
        Receive<CheckStale>(_ =>
        {
            if (State.Enrolled && State.CheckStale(Runtime.Now, Runtime.Settings.StaleAfter)) StatusChanged();
        });
    }

    private void OnPosition(ReportPosition m)
    {
        if (!State.Enrolled) return;
        var fix = new PositionFix(new GeoPoint(m.Lat, m.Lon), m.At, m.SpeedKmh, m.HeadingDeg, m.AccuracyM);
        var outcome = State.ApplyFix(fix, Runtime.Grid, Runtime.Now, Runtime.Settings.StaleAfter);
        if (!outcome.Changed) return;
        if (outcome.CellChanged && outcome.LeftCell is not null)
            System.Region(GrainKinds.Cell).Tell(new UnitLeftCell(outcome.LeftCell, State.UnitId));
        if (outcome.CellChanged || outcome.StaleChanged) TellCell(State.CellId);
        Publish();
        SaveSoon(Runtime.Settings.PositionSaveInterval);
    }

    private async Task OnEnroll(EnrollUnit m)
    {
        var replyTo = Sender;
        var previousStation = State.StationId;
        State.UnitId = m.UnitId;
        State.Kind = m.Kind;
        State.Name = m.Name;
        State.StationId = m.StationId;
        State.PostName = m.PostName;
        State.Team = m.Team;
        State.DeviceKeyHash = m.DeviceKeyHash;
        State.Seq++;
        await SaveThenReply(replyTo, View(), Event("unit.enrolled", m.By, $"{m.Kind} {m.Name}"));
        if (previousStation != m.StationId)
        {
            if (previousStation is not null) System.Region(GrainKinds.Station).Tell(new UnitLeftStation(previousStation, m.UnitId));
            if (m.StationId is not null) System.Region(GrainKinds.Station).Tell(new UnitJoinedStation(m.StationId, m.UnitId));
        }
        StatusChanged();
    }

    private async Task OnSetDuty(SetDuty m)
    {
        if (!State.Enrolled)
        {
            Sender.Tell(NotFound());
            return;
        }
        var outcome = State.SetDuty(m.OnDuty);
        if (!outcome.IsOk)
        {
            Sender.Tell(Rejected.From(outcome));
            return;
        }
        await SaveThenReply(Sender, View(), Event(m.OnDuty ? "unit.on-duty" : "unit.off-duty", m.By));
        StatusChanged();
    }

    private async Task OnAssign(AssignTask m)
    {
        if (!State.Enrolled)
        {
            Sender.Tell(NotFound());
            return;
        }
        var outcome = State.Assign(m.TaskId, Runtime.Now, Runtime.Settings.StaleAfter);
        if (!outcome.IsOk)
        {
            Sender.Tell(Rejected.From(outcome));
            return;
        }
        await SaveThenReply(Sender, View(), Event("unit.assigned", "dispatch", m.TaskId));
        StatusChanged();
    }

    private async Task OnAdvance(AdvanceTask m)
    {
        var outcome = m.Step switch
        {
            TaskStep.Accept => State.Accept(m.TaskId),
            TaskStep.Arrive => State.Arrive(m.TaskId),
            _ => State.Release(m.TaskId),
        };
        if (!outcome.IsOk) return; // a late step for a task the unit no longer has
        await SaveAsync(Event($"unit.task-{m.Step.ToString().ToLowerInvariant()}", State.UnitId, m.TaskId));
        StatusChanged();
    }

    private void StatusChanged()
    {
        TellCell(State.CellId);
        Publish();
    }

    private void TellCell(string? cellId)
    {
        if (cellId is not null) System.Region(GrainKinds.Cell).Tell(new UnitInCell(cellId, State.Snapshot()));
    }

    private void Publish() => Runtime.ChangeFeed.Tell(State.Snapshot());

    private UnitView View() => new(State.Snapshot(), State.PostName, State.Team,
        State.LastFix?.SpeedKmh, State.LastFix?.AccuracyM, State.DeviceKeyHash);

    private Rejected NotFound() => new(RejectionCode.NotFound, $"No unit {Id}.");

    private sealed record CheckStale
    {
        public static readonly CheckStale Instance = new();
    }
}
