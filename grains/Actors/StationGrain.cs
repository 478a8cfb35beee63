using Akka.Actor;
using GridCommand.Grains.Messages;
using GridCommand.Grains.Stations;

namespace GridCommand.Grains.Actors;

/// <summary>A warning station: its place, the cells it covers (each cell is told) and the units enrolled under it.</summary>
public sealed class StationGrain : GrainActor<StationState>
{
    public StationGrain(GrainRuntime runtime) : base(runtime, GrainKinds.Station) { }

    public static Props Props(GrainRuntime runtime) => Akka.Actor.Props.Create(() => new StationGrain(runtime));

    protected override void Active()
    {
        ReceiveAsync<RegisterStation>(async m =>
        {
            State.Name = m.Name;
            State.Kind = m.Kind;
            State.Lat = m.Lat;
            State.Lon = m.Lon;
            State.CellIds = m.CellIds.ToList();
            await SaveThenReply(Sender, View(), Event("station.registered", "system", m.Name));
            foreach (var cellId in m.CellIds) System.Region(GrainKinds.Cell).Tell(new AssignCellToStation(cellId, Id));
        });
        ReceiveAsync<UnitJoinedStation>(async m =>
        {
            if (State.UnitIds.Add(m.UnitId)) await SaveAsync();
        });
        ReceiveAsync<UnitLeftStation>(async m =>
        {
            if (State.UnitIds.Remove(m.UnitId)) await SaveAsync();
        });
        Receive<GetStation>(_ => Sender.Tell(State.Registered
            ? View()
            : new Rejected(RejectionCode.NotFound, $"No station {Id}.")));
    }

    private StationView View() => StationView.Of(Id, State);
}
