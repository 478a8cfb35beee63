using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using GridCommand.Grains.Cells;
using GridCommand.Grains.Dispatch;
using GridCommand.Grains.Geo;
using GridCommand.Grains.Incidents;
using GridCommand.Grains.Messages;
using GridCommand.Grains.Units;

namespace GridCommand.Grains.Actors;

/// <summary>
/// An incident and its radio tasks. Dispatch asks the unit grain first (the unit is the arbiter, so one
/// unit never gets two tasks), then records the task, saves, and only then answers. Unanswered offers
/// time out and, like declines, go to the next recommended unit.
/// </summary>
public sealed class IncidentGrain : GrainActor<IncidentState>
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    public IncidentGrain(GrainRuntime runtime) : base(runtime, GrainKinds.Incident) { }

    public static Props Props(GrainRuntime runtime) => Akka.Actor.Props.Create(() => new IncidentGrain(runtime));

    private GeoPoint Scene => new(State.Lat, State.Lon);

    /// <summary>Offers still waiting for an answer get their timeout back after a restart.</summary>
    protected override void Activated()
    {
        foreach (var task in State.Tasks.Where(t => t.Status == Incidents.TaskStatus.Assigned))
        {
            var left = task.AssignedAt + Runtime.Dispatch.AcceptTimeout - Runtime.Now;
            Timers.StartSingleTimer(task.TaskId, new AnswerTimedOut(task.TaskId), left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }
    }

    protected override void Active()
    {
        ReceiveAsync<OpenIncident>(OnOpen);
        ReceiveAsync<RepeatCall>(m => IfOpened(() => OnRepeatCall(m)));
        Receive<GetIncident>(_ => Reply(() => View()));
        ReceiveAsync<GetRecommendations>(m =>
        {
            var replyTo = Sender;
            return IfOpened(async () => replyTo.Tell(new RecommendationList(await Recommend(m.Limit, m.Kind, State.UnitsNotToOffer()))));
        });
        ReceiveAsync<DispatchUnit>(m => IfOpened(() => OnDispatch(m)));
        ReceiveAsync<AnswerTask>(m => IfOpened(() => OnAnswer(m)));
        ReceiveAsync<WithdrawTask>(m => IfOpened(() => OnWithdraw(m)));
        ReceiveAsync<CloseIncident>(m => IfOpened(() => OnClose(m)));
        Receive<GetTask>(m => Reply(() => State.FindTask(m.TaskId) is { } t ? TaskView(t) : null));
        ReceiveAsync<AnswerTimedOut>(OnTimedOut);
    }

    private async Task OnOpen(OpenIncident m)
    {
        if (State.Opened)
        {
            Sender.Tell(View());
            return;
        }
        var cellId = Runtime.Grid.CellAt(new GeoPoint(m.Lat, m.Lon))?.Id;
        State.Open(m.Type, m.Priority, m.Lat, m.Lon, m.Address, m.Description, m.Source, cellId, m.DivertTo, m.At, m.By);
        // The cell hears of it before the caller does, so the caller's next report can be matched as a repeat call.
        await SaveThenReply(Sender, View(), Event("incident.opened", m.By, $"{m.Type} P{m.Priority} {m.Source}"), () =>
        {
            if (cellId is not null)
                System.Region(GrainKinds.Cell).Tell(new IncidentOpenedInCell(cellId, Id, new OpenIncidentRef(m.Type, m.Lat, m.Lon, m.At)));
        });
        Changed();
    }

    private async Task OnRepeatCall(RepeatCall m)
    {
        if (m.RequestId is null || State.Requests.TryAdd(m.RequestId, ""))
            State.RepeatCall(m.Source, m.Description, m.At, m.By);
        await SaveThenReply(Sender, View(), Event("incident.repeat-call", m.By, m.Source.ToString()));
        Changed();
    }

    private async Task OnDispatch(DispatchUnit m)
    {
        var replyTo = Sender;
        if (m.RequestId is not null && State.Requests.TryGetValue(m.RequestId, out var done) && State.FindTask(done) is { } earlier)
        {
            replyTo.Tell(new TaskAssigned(earlier.TaskId, earlier.UnitId, earlier.EtaSeconds));
            return;
        }
        var allowed = State.CanDispatch(m.Backup, m.OverrideDiversion);
        if (!allowed.IsOk)
        {
            replyTo.Tell(Rejected.From(allowed));
            return;
        }
        var (task, refusal) = m.UnitId is null ? await AssignBest(m.By) : await AssignNamed(m.UnitId, m.By);
        if (task is null)
        {
            replyTo.Tell(refusal!);
            return;
        }
        if (m.RequestId is not null) State.Requests[m.RequestId] = task.TaskId;
        await SaveThenReply(replyTo, new TaskAssigned(task.TaskId, task.UnitId, task.EtaSeconds),
            Event("incident.dispatched", m.By, $"{task.TaskId} → {task.UnitId}"));
        Offered(task);
    }

    private async Task OnAnswer(AnswerTask m)
    {
        var seqBefore = State.Seq;
        var outcome = State.Answer(m.TaskId, m.UnitId, m.Answer, m.Remark, Runtime.Now);
        if (!outcome.IsOk)
        {
            Sender.Tell(Rejected.From(outcome));
            return;
        }
        var task = State.FindTask(m.TaskId)!;
        var step = m.Answer switch { TaskAnswer.Accept => TaskStep.Accept, TaskAnswer.Arrive => TaskStep.Arrive, _ => TaskStep.Release };
        // Telling the unit again is harmless (its steps are idempotent) and heals a lost message.
        System.Region(GrainKinds.Unit).Tell(new AdvanceTask(m.UnitId, m.TaskId, step));
        if (State.Seq == seqBefore)
        {
            // A resent answer: no second save, event or re-offer.
            Sender.Tell(TaskView(task));
            return;
        }
        Timers.Cancel(task.TaskId);
        await SaveThenReply(Sender, TaskView(task), Event($"task.{m.Answer.ToString().ToLowerInvariant()}", m.UnitId, $"{m.TaskId} {m.Remark}".Trim()));
        if (m.Answer == TaskAnswer.Decline) await OfferNext();
        Changed();
    }

    private async Task OnTimedOut(AnswerTimedOut m)
    {
        if (!State.TimeOut(m.TaskId, Runtime.Now)) return;
        var task = State.FindTask(m.TaskId)!;
        Withdrawn(task);
        await SaveAsync(Event("task.timed-out", "system", $"{task.TaskId} {task.UnitId}"));
        await OfferNext();
        Changed();
    }

    private async Task OnWithdraw(WithdrawTask m)
    {
        var replyTo = Sender;
        var reason = m.Reason ?? (m.Reassign ? "reassigned" : "cancelled");
        var outcome = State.Cancel(m.TaskId, reason, Runtime.Now, m.By);
        if (!outcome.IsOk)
        {
            replyTo.Tell(Rejected.From(outcome));
            return;
        }
        var old = State.FindTask(m.TaskId)!;
        Timers.Cancel(old.TaskId);
        Withdrawn(old);
        if (m.Reassign)
        {
            // Not back to the unit it was just taken from: that unit is being released and may look available.
            var (task, _) = m.UnitId is null ? await AssignBest(m.By, notTo: old.UnitId) : await AssignNamed(m.UnitId, m.By);
            if (task is not null) Offered(task);
        }
        await SaveThenReply(replyTo, View(), Event(m.Reassign ? "task.reassigned" : "task.cancelled", m.By, $"{old.TaskId} {reason}"));
        Changed();
    }

    private async Task OnClose(CloseIncident m)
    {
        var outcome = State.Close(m.Resolution, Runtime.Now, m.By, out var withdrawn);
        if (!outcome.IsOk)
        {
            Sender.Tell(Rejected.From(outcome));
            return;
        }
        foreach (var task in withdrawn)
        {
            Timers.Cancel(task.TaskId);
            Withdrawn(task);
        }
        await SaveThenReply(Sender, View(), Event("incident.closed", m.By, m.Resolution));
        Changed();
    }

    /// <summary>After a decline or a lapsed offer: the next recommended unit gets the task, if any is left.</summary>
    private async Task OfferNext()
    {
        if (!State.IsOpen || State.Tasks.Any(t => t.IsActive)) return;
        var (task, _) = await AssignBest("system");
        if (task is null) return;
        await SaveAsync(Event("incident.re-offered", "system", $"{task.TaskId} → {task.UnitId}"));
        Offered(task);
    }

    private async Task<(DispatchTask?, Rejected?)> AssignBest(string by, string? notTo = null)
    {
        var excluded = State.UnitsNotToOffer();
        if (notTo is not null) excluded.Add(notTo);
        foreach (var candidate in await Recommend(Runtime.Dispatch.WantedCandidates, null, excluded))
        {
            var task = await TryAssign(new DispatchTarget(candidate.UnitId, candidate.Name, candidate.Kind, candidate.EtaSeconds), by);
            if (task is not null) return (task, null);
        }
        return (null, new Rejected(RejectionCode.Conflict,
            $"No available unit with a fresh fix within {Runtime.Dispatch.MaxSearchMeters / 1000:0.#} km."));
    }

    private async Task<(DispatchTask?, Rejected?)> AssignNamed(string unitId, string by)
    {
        var reply = await AskOrNull(System.Region(GrainKinds.Unit), new GetUnit(unitId));
        if (reply is not UnitView { Unit: var unit })
            return (null, reply as Rejected ?? new Rejected(RejectionCode.Conflict, $"Unit {unitId} did not answer; try again."));
        var eta = unit is { Lat: { } lat, Lon: { } lon } ? Runtime.Recommender.EtaSeconds(new GeoPoint(lat, lon), Scene, unit.Kind) : 0;
        var task = await TryAssign(new DispatchTarget(unit.UnitId, unit.Name, unit.Kind, eta), by);
        if (task is not null) return (task, null);
        var excluded = State.UnitsNotToOffer();
        excluded.Add(unitId);
        var next = (await Recommend(1, null, excluded)).FirstOrDefault();
        return (null, new Rejected(RejectionCode.Conflict, $"Unit {unitId} is not available: {unit.Status}.", next));
    }

    /// <returns>the new task, or null when the unit refused (taken meanwhile, off duty or stale).</returns>
    private async Task<DispatchTask?> TryAssign(DispatchTarget target, string by)
    {
        var taskId = State.NextTaskId(Id);
        var units = System.Region(GrainKinds.Unit);
        var reply = await AskOrNull(units, new AssignTask(target.UnitId, taskId));
        // No answer in time: the unit may have taken the task after all; let it go so it is not held by a task nobody knows.
        if (reply is null) units.Tell(new AdvanceTask(target.UnitId, taskId, TaskStep.Release));
        return reply is UnitView ? State.AddTask(Id, target, Runtime.Now, by) : null;
    }

    /// <summary>Asks a grain; a grain that does not answer in time (busy, or its node leaving) is treated as no answer.</summary>
    private static async Task<object?> AskOrNull(IActorRef region, IGrainMessage message)
    {
        try
        {
            return await region.Ask<object>(message, AskTimeout);
        }
        catch (AskTimeoutException)
        {
            return null;
        }
    }

    /// <summary>Ring search over the cells around the incident, then each candidate's own current state.</summary>
    private async Task<IReadOnlyList<Recommendation>> Recommend(int limit, UnitKind? kind, ISet<string> excluded)
    {
        if (State.CellId is null) return [];
        var cells = System.Region(GrainKinds.Cell);
        var units = System.Region(GrainKinds.Unit);
        var seen = await RingSearch.Gather<UnitSnapshot>(Runtime.Grid, State.CellId, Scene, Runtime.Dispatch.MaxSearchMeters, Runtime.Dispatch.WantedCandidates,
            async ring =>
            {
                var rosters = await Task.WhenAll(ring.Select(c => AskOrNull(cells, new GetUnitsInCell(c))));
                return rosters.OfType<UnitsInCell>().SelectMany(r => r.Units)
                    .Where(u => u.Status == DutyStatus.Available && !excluded.Contains(u.UnitId) && (kind is null || u.Kind == kind))
                    .ToList();
            });
        var current = await Task.WhenAll(seen.Select(u => AskOrNull(units, new GetUnit(u.UnitId))));
        return Runtime.Recommender.Rank(Scene, current.OfType<UnitView>().Select(v => v.Unit), Runtime.Now, excluded, kind, limit);
    }

    private void Offered(DispatchTask task)
    {
        Timers.StartSingleTimer(task.TaskId, new AnswerTimedOut(task.TaskId), Runtime.Dispatch.AcceptTimeout);
        PublishToField(new TaskOffered(task.UnitId, TaskView(task)));
        Changed();
    }

    private void Withdrawn(DispatchTask task)
    {
        System.Region(GrainKinds.Unit).Tell(new AdvanceTask(task.UnitId, task.TaskId, TaskStep.Release));
        PublishToField(new TaskWithdrawn(task.UnitId, task.TaskId));
    }

    private void PublishToField(object notice) =>
        DistributedPubSub.Get(System).Mediator.Tell(new Publish(Topics.FieldTasks, notice));

    /// <summary>Tells the screens, and the cell once the incident is no longer open.</summary>
    private void Changed()
    {
        if (!State.IsOpen && State.CellId is not null)
            System.Region(GrainKinds.Cell).Tell(new IncidentClosedInCell(State.CellId, Id));
        Runtime.ChangeFeed.Tell(View());
    }

    private Task IfOpened(Func<Task> handle)
    {
        if (State.Opened) return handle();
        Sender.Tell(NotFound());
        return Task.CompletedTask;
    }

    private void Reply(Func<object?> answer) => Sender.Tell((State.Opened ? answer() : null) ?? NotFound());

    private Rejected NotFound() => new(RejectionCode.NotFound, $"No incident {Id}.");

    private TaskView TaskView(DispatchTask t) => IncidentViews.TaskOf(Id, State, t);

    private IncidentView View() => IncidentViews.Of(Id, State);

    private sealed record AnswerTimedOut(string TaskId);
}
