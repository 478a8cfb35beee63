using GridCommand.Contracts;
using GridCommand.Contracts.Incidents;
using GridCommand.Contracts.Units;
using GridCommand.Contracts.Volunteers;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Volunteers;

namespace GridCommand.Grains.Volunteers;

/// <summary>
/// One volunteer order. Claims queue on this grain's single-threaded turns: the first that the rules and the incident
/// accept wins, and every later one finds it claimed. Each change is saved and logged, then told to the board and
/// (through the feed) to the phones of the volunteers in range.
/// </summary>
public sealed class VolunteerOrderGrain(
    [PersistentState(GrainKinds.VolunteerOrder, GrainKinds.Storage)] IPersistentState<VolunteerOrderState> state,
    GridServices services, VolunteerSettings settings)
    : GridGrain<VolunteerOrderState>(state, services, GrainKinds.VolunteerOrder), IVolunteerOrderGrain
{
    public async Task<VolunteerOrder> Publish(VolunteerOrderPublication p)
    {
        if (State.Published) throw Refusal.Conflict($"Order {Id} already exists.");
        var incident = await Incident(p.IncidentId).Get() ?? throw Refusal.NotFound($"No incident {p.IncidentId}.");
        if (!incident.Status.IsOpen()) throw Refusal.Conflict($"The incident is {incident.Status}.");
        State.Publish(p.IncidentId, incident.Type, incident.Address, new GeoPoint(incident.Lat, incident.Lon), p.RadiusMeters, p.Note,
            p.Notify, Runtime.Now, p.By);
        await Save("volunteer-order.published", p.By, $"{p.IncidentId} {p.RadiusMeters} m, {p.Notify.Count} volunteers in range");
        return await Changed();
    }

    public async Task<VolunteerOrder> Claim(string unitId)
    {
        EnsurePublished();
        if (State.IsClaimedBy(unitId)) return View();
        var unit = await Grains.GetGrain<IUnitGrain>(unitId).Get() ?? throw Refusal.NotFound($"No unit {unitId}.");
        Refusal.ThrowIfRefused(State.MayClaim(unit.Unit));
        TaskAssigned task;
        try
        {
            task = await Incident(State.IncidentId).Enlist(unitId, Id);
        }
        catch (Refusal)
        {
            if (!await IncidentEnded()) throw; // the volunteer is busy or has no fresh fix: the order stays open for others
            await Cancelled("incident ended", "system");
            throw Refusal.Conflict("The incident has ended: the order is cancelled.");
        }
        State.Claim(unit.Unit, unit.Team, task.TaskId, Runtime.Now);
        await Save("volunteer-order.claimed", unitId, $"{State.IncidentId} {task.TaskId} {unit.Team}");
        return await Changed();
    }

    public async Task<VolunteerOrder> Complete(string unitId, string? note)
    {
        EnsurePublished();
        Refusal.ThrowIfRefused(State.MayComplete(unitId));
        if (State.Status == VolunteerOrderStatus.Completed) return View(); // a resent completion
        await Incident(State.IncidentId).Answer(State.TaskId!, unitId, TaskAnswer.Complete, note);
        return await Completed();
    }

    public async Task<VolunteerOrder> Cancel(string by)
    {
        EnsurePublished();
        if (State.Status is VolunteerOrderStatus.Completed or VolunteerOrderStatus.Cancelled)
            throw Refusal.Conflict($"The order is already {State.Status}.");
        if (State.Status == VolunteerOrderStatus.Claimed)
            await Incident(State.IncidentId).Withdraw(new Withdrawal(State.TaskId!, "volunteer order cancelled", false, null, by));
        await Cancelled("cancelled", by);
        return View();
    }

    public Task<VolunteerOrder?> Get() => Task.FromResult(State.Published ? View() : null);

    public async Task TaskEnded(string taskId, Rules.Incidents.TaskStatus status)
    {
        if (taskId != State.TaskId || State.Status != VolunteerOrderStatus.Claimed) return;
        if (status == Rules.Incidents.TaskStatus.Done) await Completed();
        else await Cancelled($"task {status}", "system");
    }

    /// <summary>Credits first (the scores grain counts an order once), then records it: a failed save is made good by a resent completion.</summary>
    private async Task<VolunteerOrder> Completed()
    {
        var points = settings.PointsPerOrder;
        await Grains.GetGrain<IVolunteerScoresGrain>(CityKeys.City).Credit(Id, State.ClaimedBy!, State.Team, points);
        State.Complete(points, Runtime.Now);
        await Save("volunteer-order.completed", State.ClaimedBy!, $"{State.IncidentId} +{points} {State.ClaimedBy} {State.Team}".TrimEnd());
        return await Changed();
    }

    private async Task Cancelled(string reason, string by)
    {
        if (!State.Cancel(Runtime.Now)) return;
        await Save("volunteer-order.cancelled", by, $"{State.IncidentId} {reason}");
        await Changed();
    }

    private async Task<bool> IncidentEnded() => await Incident(State.IncidentId).Get() is not { } incident || !incident.Status.IsOpen();

    /// <summary>Tells the board, then the phones of the volunteers told of it and of whoever has it.</summary>
    private async Task<VolunteerOrder> Changed()
    {
        var view = View();
        await Grains.GetGrain<IVolunteerBoardGrain>(CityKeys.City).Update(view);
        IReadOnlyList<string> notify = State.ClaimedBy is { } claimer && !State.Notified.Contains(claimer) ? [.. State.Notified, claimer] : State.Notified;
        Feed.VolunteerOrderChanged(new VolunteerOrderChange(view, notify));
        return view;
    }

    private void EnsurePublished()
    {
        if (!State.Published) throw Refusal.NotFound($"No volunteer order {Id}.");
    }

    private IIncidentGrain Incident(string incidentId) => Grains.GetGrain<IIncidentGrain>(incidentId);

    private VolunteerOrder View() => State.View(Id);
}
