using GridCommand.Contracts;
using GridCommand.Contracts.Cells;
using GridCommand.Contracts.Incidents;
using GridCommand.Contracts.Units;
using GridCommand.Contracts.Volunteers;
using GridCommand.Grains.Dispatch;
using GridCommand.Rules;
using GridCommand.Rules.Cells;
using GridCommand.Rules.Dispatch;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Performance;
using GridCommand.Rules.Units;

namespace GridCommand.Grains.Incidents;

/// <summary>
/// An incident and its radio tasks. Dispatch asks the unit grain first (the unit is the arbiter, so one unit
/// never gets two tasks), then records the task, saves, and only then answers. Unanswered offers lapse and,
/// like declines, go to the next recommended unit.
/// </summary>
public sealed class IncidentGrain(
    [PersistentState(GrainKinds.Incident, GrainKinds.Storage)] IPersistentState<IncidentState> state,
    GridServices services,
    CellSearch search)
    : GridGrain<IncidentState>(state, services, GrainKinds.Incident), IIncidentGrain
{
    private readonly Dictionary<string, IGrainTimer> _offers = new();

    private GeoPoint Scene => new(State.Lat, State.Lon);

    /// <summary>Offers still waiting for an answer get their timeout back after a restart.</summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var task in State.Tasks.Where(t => t.Status == Rules.Incidents.TaskStatus.Assigned))
        {
            var left = task.AssignedAt + Runtime.Dispatch.AcceptTimeout - Runtime.Now;
            StartOfferTimer(task.TaskId, left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }
        return Task.CompletedTask;
    }

    public async Task<IncidentView> Open(IncidentOpening o)
    {
        if (State.Opened) throw Refusal.Conflict($"Incident {Id} already exists.");
        var cellId = Runtime.Grid.CellAt(new GeoPoint(o.Lat, o.Lon))?.Id;
        State.Open(o.Type, o.Priority, o.Lat, o.Lon, o.Address, o.Description, o.Source, cellId, o.DivertTo, o.At, o.By);
        State.StationId = cellId is null ? null : await NoAnswer.OrDefault(Grains.GetGrain<ICellGrain>(cellId).StationId());
        await Record("incident.opened", o.By, $"{o.Type} P{o.Priority} {o.Source}", received: true);
        // The cell hears of it before the caller does, so the caller's next report can be matched as a repeat call.
        if (cellId is not null) await Grains.GetGrain<ICellGrain>(cellId).IncidentOpened(Id, new OpenIncidentRef(o.Type, o.Lat, o.Lon, o.At));
        Changed();
        return View();
    }

    public async Task<IncidentView> RepeatCall(RepeatCallReport r)
    {
        EnsureOpened();
        if (r.RequestId is null || State.Requests.TryAdd(r.RequestId, ""))
        {
            State.RepeatCall(r.Source, r.Description, r.At, r.By);
            await Record("incident.repeat-call", r.By, r.Source.ToString());
            Changed();
        }
        return View();
    }

    public Task<IncidentView?> Get() => Task.FromResult(State.Opened ? View() : null);

    public async Task<IReadOnlyList<Recommendation>> Recommend(int limit, UnitKind? kind)
    {
        EnsureOpened();
        return await Recommend(limit, kind, State.UnitsNotToOffer());
    }

    public async Task<TaskAssigned> Dispatch(DispatchOrder order)
    {
        EnsureOpened();
        if (order.RequestId is not null && State.Requests.TryGetValue(order.RequestId, out var done) && State.FindTask(done) is { } earlier)
            return new TaskAssigned(earlier.TaskId, earlier.UnitId, earlier.EtaSeconds);
        Refusal.ThrowIfRefused(State.CanDispatch(order.Backup, order.OverrideDiversion));
        var task = order.UnitId is null ? await AssignBest(order.By) ?? throw NoUnitLeft() : await AssignNamed(order.UnitId, order.By);
        if (order.RequestId is not null) State.Requests[order.RequestId] = task.TaskId;
        await Record("incident.dispatched", order.By, $"{task.TaskId} → {task.UnitId}");
        Offered(task);
        return new TaskAssigned(task.TaskId, task.UnitId, task.EtaSeconds);
    }

    public async Task<TaskView> Answer(string taskId, string unitId, TaskAnswer answer, string? remark)
    {
        EnsureOpened();
        var seqBefore = State.Seq;
        Refusal.ThrowIfRefused(State.Answer(taskId, unitId, answer, remark, Runtime.Now));
        var task = State.FindTask(taskId)!;
        var step = answer switch { TaskAnswer.Accept => TaskStep.Accept, TaskAnswer.Arrive => TaskStep.Arrive, _ => TaskStep.Release };
        // Telling the unit again is harmless (its steps are idempotent) and heals a lost message.
        _ = Unit(unitId).StepTask(taskId, step);
        if (State.Seq == seqBefore) return TaskView(task); // a resent answer: no second save, event or re-offer
        StopOfferTimer(taskId);
        await Record($"task.{answer.ToString().ToLowerInvariant()}", unitId, $"{taskId} {remark}".Trim());
        if (answer == TaskAnswer.Accept) Metrics.TaskAccepted(task.AcceptedAt!.Value - task.AssignedAt);
        if (answer == TaskAnswer.Decline) await OfferNext();
        TellOrder(task);
        Changed();
        return TaskView(task);
    }

    public async Task<IncidentView> Withdraw(Withdrawal w)
    {
        EnsureOpened();
        var reason = w.Reason ?? (w.Reassign ? "reassigned" : "cancelled");
        Refusal.ThrowIfRefused(State.Cancel(w.TaskId, reason, Runtime.Now, w.By));
        var old = State.FindTask(w.TaskId)!;
        Withdrawn(old);
        if (w.Reassign)
        {
            // Not back to the unit it was just taken from: that unit is being released and may look available.
            var task = w.UnitId is null ? await AssignBest(w.By, notTo: old.UnitId) : await TryAssignNamed(w.UnitId, w.By);
            if (task is not null) Offered(task);
        }
        await Record(w.Reassign ? "task.reassigned" : "task.cancelled", w.By, $"{old.TaskId} {reason}");
        Changed();
        return View();
    }

    public async Task<TaskAssigned> Enlist(string unitId, string orderId)
    {
        EnsureOpened();
        if (State.Tasks.Find(t => t.OrderId == orderId && t.UnitId == unitId) is { } earlier)
            return new TaskAssigned(earlier.TaskId, earlier.UnitId, earlier.EtaSeconds); // a resent claim
        Refusal.ThrowIfRefused(State.CanDispatch(backup: true, overrideDiversion: false));
        var unit = await Unit(unitId).Get() ?? throw Refusal.NotFound($"No unit {unitId}.");
        if (!await UnitOffer.TryGive(Unit(unitId), State.NextTaskId(Id)))
            throw Refusal.Conflict($"Volunteer {unitId} is {unit.Unit.Status} or has no fresh position fix: finish the current task first.");
        var task = State.Enlist(Id, Target(unit.Unit), orderId, Runtime.Now);
        _ = Unit(unitId).StepTask(task.TaskId, TaskStep.Accept);
        await Record("incident.volunteer-enlisted", unitId, $"{task.TaskId} → {unitId} order {orderId}");
        Feed.TaskOffered(TaskView(task));
        Changed();
        return new TaskAssigned(task.TaskId, task.UnitId, task.EtaSeconds);
    }

    public async Task<IncidentView> Close(string resolution, string by)
    {
        EnsureOpened();
        Refusal.ThrowIfRefused(State.Close(resolution, Runtime.Now, by, out var withdrawn));
        foreach (var task in withdrawn) Withdrawn(task);
        await Record("incident.closed", by, resolution);
        _ = Grains.GetGrain<IVolunteerBoardGrain>(CityKeys.City).IncidentEnded(Id);
        Changed();
        return View();
    }

    public Task<TaskView?> GetTask(string taskId) =>
        Task.FromResult(State.Opened && State.FindTask(taskId) is { } task ? TaskView(task) : null);

    private async Task OfferLapsed(string taskId)
    {
        _offers.Remove(taskId);
        if (!State.TimeOut(taskId, Runtime.Now)) return;
        var task = State.FindTask(taskId)!;
        Withdrawn(task);
        await Record("task.timed-out", "system", $"{task.TaskId} {task.UnitId}");
        await OfferNext();
        Changed();
    }

    /// <summary>After a decline or a lapsed offer: the next recommended unit gets the task, if any is left.</summary>
    private async Task OfferNext()
    {
        if (!State.IsOpen || State.Tasks.Any(t => t.IsActive)) return;
        if (await AssignBest("system") is not { } task) return;
        await Record("incident.re-offered", "system", $"{task.TaskId} → {task.UnitId}");
        Offered(task);
    }

    /// <returns>the task given to the best recommended unit that took it, or null when none did.</returns>
    private async Task<DispatchTask?> AssignBest(string by, string? notTo = null)
    {
        var excluded = State.UnitsNotToOffer();
        if (notTo is not null) excluded.Add(notTo);
        foreach (var candidate in await Recommend(Runtime.Dispatch.WantedCandidates, null, excluded))
        {
            if (await TryAssign(new DispatchTarget(candidate.UnitId, candidate.Name, candidate.Kind, candidate.EtaSeconds), by) is { } task)
                return task;
        }
        return null;
    }

    /// <exception cref="Refusal">not found for an unknown unit; a conflict, with the next choice, for one not available</exception>
    private async Task<DispatchTask> AssignNamed(string unitId, string by)
    {
        UnitView? unit;
        try
        {
            unit = await Unit(unitId).Get().WaitAsync(NoAnswer.Within);
        }
        catch (Exception e) when (e is not Refusal)
        {
            throw Refusal.Conflict($"Unit {unitId} did not answer; try again.");
        }
        if (unit is null) throw Refusal.NotFound($"No unit {unitId}.");
        if (await TryAssign(Target(unit.Unit), by) is { } task) return task;
        var excluded = State.UnitsNotToOffer();
        excluded.Add(unitId);
        var next = (await Recommend(1, null, excluded)).FirstOrDefault();
        throw new Refusal(RejectionCode.Conflict, $"Unit {unitId} is not available: {unit.Unit.Status}.", next);
    }

    private async Task<DispatchTask?> TryAssignNamed(string unitId, string by) =>
        await NoAnswer.OrDefault(Unit(unitId).Get()) is { } unit ? await TryAssign(Target(unit.Unit), by) : null;

    private DispatchTarget Target(UnitSnapshot unit)
    {
        var eta = unit is { Lat: { } lat, Lon: { } lon } ? Runtime.Recommender.EtaSeconds(new GeoPoint(lat, lon), Scene, unit.Kind) : 0;
        return new DispatchTarget(unit.UnitId, unit.Name, unit.Kind, eta);
    }

    /// <returns>the new task, or null when the unit refused (taken meanwhile, off duty or stale) or did not answer.</returns>
    private async Task<DispatchTask?> TryAssign(DispatchTarget target, string by)
    {
        var taskId = State.NextTaskId(Id);
        return await UnitOffer.TryGive(Unit(target.UnitId), taskId) ? State.AddTask(Id, target, Runtime.Now, by) : null;
    }

    /// <summary>Ring search over the cells around the incident, then each candidate's own current state.</summary>
    private async Task<IReadOnlyList<Recommendation>> Recommend(int limit, UnitKind? kind, ISet<string> excluded)
    {
        if (State.CellId is null) return [];
        var seen = await search.Units(State.CellId, Scene,
            u => u.Status == DutyStatus.Available && !excluded.Contains(u.UnitId) && (kind is null || u.Kind == kind));
        var current = await Task.WhenAll(seen.Select(u => NoAnswer.OrDefault(Unit(u.UnitId).Get())));
        return Runtime.Recommender.Rank(Scene, current.OfType<UnitView>().Select(v => v.Unit), Runtime.Now, excluded, kind, limit);
    }

    private void Offered(DispatchTask task)
    {
        StartOfferTimer(task.TaskId, Runtime.Dispatch.AcceptTimeout);
        Feed.TaskOffered(TaskView(task));
        Changed();
    }

    private void Withdrawn(DispatchTask task)
    {
        StopOfferTimer(task.TaskId);
        _ = Unit(task.UnitId).StepTask(task.TaskId, TaskStep.Release);
        Feed.TaskWithdrawn(task.UnitId, task.TaskId);
        TellOrder(task);
    }

    /// <summary>A volunteer's task that ended ends its volunteer order too (completed, or cancelled).</summary>
    private void TellOrder(DispatchTask task)
    {
        if (task.OrderId is { } orderId && !task.IsActive) _ = Grains.GetGrain<IVolunteerOrderGrain>(orderId).TaskEnded(task.TaskId, task.Status);
    }

    /// <summary>An offer keeps the incident in memory until it is answered or lapses.</summary>
    private void StartOfferTimer(string taskId, TimeSpan after) =>
        _offers[taskId] = this.RegisterGrainTimer(() => OfferLapsed(taskId),
            new GrainTimerCreationOptions(after, Timeout.InfiniteTimeSpan) { KeepAlive = true });

    private void StopOfferTimer(string taskId)
    {
        if (_offers.Remove(taskId, out var timer)) timer.Dispose();
    }

    /// <summary>
    /// Saves with its line in the event log; with the incident's structured record when it was reported, and its outcome
    /// the first time it stops being open (the stations' performance is computed from those).
    /// </summary>
    private Task Record(string what, string by, string? data, bool received = false)
    {
        var entries = new List<(string What, string? Data)> { (what, data) };
        if (received) entries.Add((IncidentRecord.Received, GrainJson.Serialize(IncidentRecord.Of(State))));
        if (State.TakeFirstEnd()) entries.Add((IncidentRecord.Ended, GrainJson.Serialize(IncidentRecord.Of(State))));
        return Save(entries, by);
    }

    /// <summary>Tells the screens, and the cell once the incident is no longer open.</summary>
    private void Changed()
    {
        if (!State.IsOpen && State.CellId is not null) _ = Grains.GetGrain<ICellGrain>(State.CellId).IncidentClosed(Id, State.Status);
        Feed.IncidentChanged(View());
    }

    private void EnsureOpened()
    {
        if (!State.Opened) throw Refusal.NotFound($"No incident {Id}.");
    }

    private Refusal NoUnitLeft() =>
        Refusal.Conflict($"No available unit with a fresh fix within {Runtime.Dispatch.MaxSearchMeters / 1000:0.#} km.");

    private IUnitGrain Unit(string unitId) => Grains.GetGrain<IUnitGrain>(unitId);

    private TaskView TaskView(DispatchTask t) => IncidentViews.TaskOf(Id, State, t);

    private IncidentView View() => IncidentViews.Of(Id, State);
}
