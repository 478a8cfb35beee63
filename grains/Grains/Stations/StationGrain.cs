using GridCommand.Contracts;
using GridCommand.Contracts.Cells;
using GridCommand.Contracts.Stations;
using GridCommand.Rules.Stations;

namespace GridCommand.Grains.Stations;

/// <summary>A warning station: its place, the cells it covers (each cell is told) and the units enrolled under it.</summary>
public sealed class StationGrain(
    [PersistentState(GrainKinds.Station, GrainKinds.Storage)] IPersistentState<StationState> state,
    GridServices services)
    : GridGrain<StationState>(state, services, GrainKinds.Station), IStationGrain
{
    public async Task<StationView> Register(StationRegistration r)
    {
        (State.Name, State.Kind, State.Lat, State.Lon, State.CellIds) = (r.Name, r.Kind, r.Lat, r.Lon, r.CellIds.ToList());
        await Save("station.registered", "system", r.Name);
        foreach (var cellId in r.CellIds) _ = Grains.GetGrain<ICellGrain>(cellId).AssignToStation(Id);
        return StationView.Of(Id, State);
    }

    public async Task UnitJoined(string unitId)
    {
        if (State.UnitIds.Add(unitId)) await Save();
    }

    public async Task UnitLeft(string unitId)
    {
        if (State.UnitIds.Remove(unitId)) await Save();
    }

    public Task<StationView?> Get() => Task.FromResult(State.Registered ? StationView.Of(Id, State) : null);
}
