using GridCommand.Contracts;
using GridCommand.Contracts.Cells;
using GridCommand.Contracts.Incidents;
using GridCommand.Contracts.Lockdown;
using GridCommand.Contracts.Units;
using GridCommand.Grains.Dispatch;
using GridCommand.Rules;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Lockdown;
using GridCommand.Rules.Units;

namespace GridCommand.Grains.Lockdown;

/// <summary>
/// A plan in action. Each round (just after activation, then every <see cref="Round"/>) it withdraws lapsed offers, staffs the
/// points whose units' fixes are within 50 m, and offers the open points to the nearest suitable units: the unit grain
/// takes or refuses each task, so two activations at once, or an activation and a dispatch, never share a unit.
/// Polling the units' positions keeps the unit grain, on the hot path, free of lockdown logic.
/// </summary>
public sealed class LockdownActivationGrain(
    [PersistentState(GrainKinds.LockdownActivation, GrainKinds.Storage)] IPersistentState<ActivationState> state,
    GridServices services,
    CellSearch search)
    : GridGrain<ActivationState>(state, services, GrainKinds.LockdownActivation), ILockdownActivationGrain
{
    private static readonly TimeSpan Round = TimeSpan.FromSeconds(2);
    /// <summary>Open points nobody could take are searched for again this often (units come free, come on duty).</summary>
    private static readonly TimeSpan SearchAgainAfter = TimeSpan.FromSeconds(10);
    /// <summary>Ring searches at once (over one round's roster cache): 139 points in a few seconds without a flood of cell calls.</summary>
    private const int ParallelSearches = 8;

    private IGrainTimer? _rounds;
    private DateTimeOffset _lastSearch;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.IsActive) StartRounds(Round);
        return Task.CompletedTask;
    }

    public async Task<ActivationView> Activate(ActivationOrder order)
    {
        if (State.Activated) throw Refusal.Conflict($"Activation {Id} exists already.");
        var plan = await Grains.GetGrain<ILockdownPlanGrain>(order.PlanId).Get() ?? throw Refusal.NotFound($"No plan {order.PlanId}.");
        var rings = order.Rings?.ToHashSet() ?? [.. Enum.GetValues<Ring>()];
        if (!plan.Points.Any(p => rings.Contains(p.Ring)))
            throw new Refusal(RejectionCode.Invalid, $"Plan {plan.Name} has no point in the rings {string.Join(", ", rings.Select(GrainJson.WireName))}.");
        var incidentUnits = new List<string>();
        if (order.IncidentId is { } incidentId)
        {
            var incident = await Grains.GetGrain<IIncidentGrain>(incidentId).Get() ?? throw Refusal.NotFound($"No incident {incidentId}.");
            incidentUnits = incident.Tasks.Select(t => t.UnitId).Distinct().ToList();
        }
        State.Activate(plan.Id, plan.Name, plan.Points, rings, order.IncidentId, incidentUnits, order.Drill, Runtime.Now, order.By);
        await Save(order.Drill ? "lockdown.drill-activated" : "lockdown.activated", order.By,
            $"{plan.Id} {plan.Name}: {State.Posts.Count} points, rings {string.Join(",", State.Rings.Select(GrainJson.WireName))}" +
            (order.IncidentId is null ? "" : $", incident {order.IncidentId}"));
        await Catalogue.ActivationChanged(Id, true);
        // The first round offers the points at once, after this answers: 139 searches and offers may take longer than a caller waits.
        StartRounds(TimeSpan.Zero);
        Changed();
        return View();
    }

    public Task<ActivationView?> Get() => Task.FromResult(State.Activated ? View() : null);

    public async Task<ActivationView> StandDown(string by)
    {
        Refusal.ThrowIfRefused(State.StandDown(Runtime.Now, by, out var released));
        foreach (var post in released) Release(post.N, post.UnitId!);
        await Save("lockdown.stood-down", by, $"{released.Count} units released" + (State.TimeToSeal is { } t ? $", sealed in {t.TotalSeconds:0} s" : ""));
        _rounds?.Dispose();
        _rounds = null;
        await Catalogue.ActivationChanged(Id, false);
        Changed();
        return View();
    }

    public async Task<TaskView> Answer(string taskId, string unitId, TaskAnswer answer, string? remark)
    {
        var n = PointOf(taskId);
        if (answer == TaskAnswer.Complete)
            throw Refusal.Conflict("A lockdown point is held until the plan stands down.");
        var seqBefore = State.Seq;
        var entries = new List<(string, string?)>();
        switch (answer)
        {
            case TaskAnswer.Accept:
                Refusal.ThrowIfRefused(State.Accept(n, unitId));
                _ = Unit(unitId).StepTask(taskId, TaskStep.Accept);
                break;
            case TaskAnswer.Arrive:
                // The crew's word is not enough: the point is staffed once its fix is within reach, now or at a later round.
                Refusal.ThrowIfRefused(State.Accept(n, unitId));
                _ = Unit(unitId).StepTask(taskId, TaskStep.Accept);
                await StaffIfThere(State.Post(n)!, entries);
                break;
            case TaskAnswer.Decline:
                Refusal.ThrowIfRefused(State.Free(n, unitId));
                _ = Unit(unitId).StepTask(taskId, TaskStep.Release);
                entries.Add(("lockdown.point-declined", $"{taskId} {unitId} {remark}".Trim()));
                await OfferOpenPoints(entries);
                break;
        }
        if (State.Seq != seqBefore)
        {
            await Save(entries.Count > 0 ? entries : [($"lockdown.point-{GrainJson.WireName(answer)}", taskId)], unitId);
            Changed();
        }
        return TaskOf(State.Post(n)!) ?? throw Refusal.NotFound($"No task {taskId}.");
    }

    public Task<TaskView?> GetTask(string taskId) =>
        Task.FromResult(State.IsActive && LockdownTaskIds.Parse(taskId) is { } t && t.ActivationId == Id && State.Post(t.N) is { } post
            ? TaskOf(post) : null);

    private async Task OnRound()
    {
        if (!State.IsActive) return;
        var seqBefore = State.Seq;
        var entries = new List<(string, string?)>();
        var freed = false;
        foreach (var post in State.Lapsed(Runtime.Now, Runtime.Dispatch.AcceptTimeout).ToList())
        {
            var unitId = post.UnitId!;
            State.Free(post.N, unitId);
            Release(post.N, unitId);
            entries.Add(("lockdown.point-timed-out", $"{LockdownTaskIds.Of(Id, post.N)} {unitId}"));
            freed = true;
        }
        await Task.WhenAll(State.Posts.Where(p => p.State == PointState.EnRoute).ToList().Select(p => StaffIfThere(p, entries)));
        if (State.Unstaffed.Any() && (freed || Runtime.Now - _lastSearch >= SearchAgainAfter)) await OfferOpenPoints(entries);
        if (State.Seq == seqBefore) return;
        await Save(entries, "system");
        Changed();
    }

    /// <summary>Staffs the point when its unit's newest fix is within reach of it (the unit is then on scene).</summary>
    private async Task StaffIfThere(PointPost post, List<(string, string?)> entries)
    {
        var unitId = post.UnitId!;
        if (await NoAnswer.OrDefault(Unit(unitId).Get()) is not { Unit: { Lat: { } lat, Lon: { } lon } unit }) return;
        if (post.UnitId != unitId || !ActivationState.Reaches(post, new GeoPoint(lat, lon))) return;
        var wasSealed = State.SealedAt is not null;
        if (!State.Staff(post.N, unitId, Runtime.Now).IsOk) return;
        var taskId = LockdownTaskIds.Of(Id, post.N);
        _ = Unit(unitId).StepTask(taskId, TaskStep.Arrive);
        entries.Add(("lockdown.point-staffed", $"{taskId} {post.Point.Id} {unit.UnitId}"));
        if (!wasSealed && State.SealedAt is not null) entries.Add(("lockdown.sealed", $"{State.TimeToSeal!.Value.TotalSeconds:0} s"));
    }

    /// <summary>Offers every open point to the nearest suitable unit that takes it (see <see cref="LockdownChoice"/>).</summary>
    private async Task OfferOpenPoints(List<(string, string?)> entries)
    {
        _lastSearch = Runtime.Now;
        var open = State.Unstaffed.ToList();
        if (open.Count == 0) return;
        var excluded = State.UnitsNotToAsk();
        var rosters = search.RosterCache();
        using var gate = new SemaphoreSlim(ParallelSearches);
        var around = await Task.WhenAll(open.Select(async post =>
        {
            await gate.WaitAsync();
            try
            {
                return (post, (IEnumerable<UnitSnapshot>)await UnitsAround(post, excluded, rosters));
            }
            finally
            {
                gate.Release();
            }
        }));
        var pairs = LockdownChoice.Rank(around, Runtime.Recommender, Runtime.Now, excluded, Runtime.Dispatch.WantedCandidates);
        var taken = await LockdownChoice.Assign(pairs, async pair =>
        {
            if (!await UnitOffer.TryGive(Unit(pair.Unit.UnitId), LockdownTaskIds.Of(Id, pair.N))) return false;
            State.Assign(pair.N, pair.Unit, pair.EtaSeconds, Runtime.Now);
            return true;
        });
        foreach (var pair in taken)
        {
            var post = State.Post(pair.N)!;
            Feed.TaskOffered(TaskOf(post)!);
            entries.Add(("lockdown.point-assigned", $"{LockdownTaskIds.Of(Id, post.N)} {post.Point.Id} → {post.UnitId}"));
        }
    }

    private async Task<List<UnitSnapshot>> UnitsAround(PointPost post, ISet<string> excluded, Func<string, Task<CellRoster?>> rosters)
    {
        var at = new GeoPoint(post.Point.Lat, post.Point.Lon);
        if (Runtime.Grid.CellAt(at)?.Id is not { } cellId) return [];
        return await search.Units(cellId, at, u => u.Status == DutyStatus.Available && LockdownChoice.Suitable(u.Kind) && !excluded.Contains(u.UnitId), rosters);
    }

    private void Release(int n, string unitId)
    {
        var taskId = LockdownTaskIds.Of(Id, n);
        _ = Unit(unitId).StepTask(taskId, TaskStep.Release);
        Feed.TaskWithdrawn(unitId, taskId);
    }

    /// <summary>Rounds keep the activation in memory until it stands down.</summary>
    private void StartRounds(TimeSpan first) =>
        _rounds ??= this.RegisterGrainTimer(OnRound, new GrainTimerCreationOptions(first, Round) { KeepAlive = true });

    private int PointOf(string taskId) =>
        LockdownTaskIds.Parse(taskId) is { } t && t.ActivationId == Id && State.Post(t.N) is not null ? t.N
            : throw Refusal.NotFound($"No task {taskId}.");

    /// <summary>The task as the phone sees it: the point's place, and what to do there.</summary>
    private TaskView? TaskOf(PointPost post) => post.UnitId is null ? null
        : new TaskView(LockdownTaskIds.Of(Id, post.N), Id, post.UnitId, LockdownTasks.Type(post.Point.Kind), 1, post.Point.Lat, post.Point.Lon,
            post.Point.Name, LockdownTasks.Description(post.Point), post.EtaSeconds,
            post.State == PointState.Staffed ? Rules.Incidents.TaskStatus.OnScene
            : post.Accepted ? Rules.Incidents.TaskStatus.Accepted : Rules.Incidents.TaskStatus.Assigned);

    private void Changed() => Feed.LockdownChanged(View());

    private ActivationView View() => LockdownViews.Of(Id, State, Runtime.Now);

    private ILockdownCatalogueGrain Catalogue => Grains.GetGrain<ILockdownCatalogueGrain>(CityKeys.City);

    private IUnitGrain Unit(string unitId) => Grains.GetGrain<IUnitGrain>(unitId);
}
