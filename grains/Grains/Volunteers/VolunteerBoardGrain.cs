using GridCommand.Contracts;
using GridCommand.Contracts.Volunteers;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Volunteers;

namespace GridCommand.Grains.Volunteers;

/// <summary>The city's open and latest volunteer orders; saved soon after a change (each order grain holds its own truth).</summary>
public sealed class VolunteerBoardGrain(
    [PersistentState(GrainKinds.VolunteerBoard, GrainKinds.Storage)] IPersistentState<OrderBoard> state, GridServices services)
    : GridGrain<OrderBoard>(state, services, GrainKinds.VolunteerBoard), IVolunteerBoardGrain
{
    private static readonly TimeSpan SaveWithin = TimeSpan.FromSeconds(2);

    public Task Update(VolunteerOrder order)
    {
        State.Update(order);
        SaveSoon(SaveWithin);
        return Task.CompletedTask;
    }

    public Task IncidentEnded(string incidentId)
    {
        foreach (var order in State.Listed(incidentId).Where(o => o.IsOpen))
            GrainFactory.GetGrain<IVolunteerOrderGrain>(order.Id).Cancel("system").Ignore(); // each tells the board back
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<VolunteerOrder>> Listed(string? incidentId) => Task.FromResult(State.Listed(incidentId));

    public Task<IReadOnlyList<VolunteerOrder>> ForVolunteer(string unitId, double? lat, double? lon) =>
        Task.FromResult(State.ForVolunteer(unitId, lat is { } a && lon is { } o ? new GeoPoint(a, o) : null));
}
