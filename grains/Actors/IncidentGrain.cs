using Akka.Actor;
using GridCommand.Grains.Geo;
using GridCommand.Grains.Incidents;
using GridCommand.Grains.Messages;

namespace GridCommand.Grains.Actors;

/// <summary>An incident: opened once (a repeated open with the same id answers the existing incident), saved before it is acknowledged.</summary>
public sealed class IncidentGrain : GrainActor<IncidentState>
{
    public IncidentGrain(GrainRuntime runtime) : base(runtime, GrainKinds.Incident) { }

    public static Props Props(GrainRuntime runtime) => Akka.Actor.Props.Create(() => new IncidentGrain(runtime));

    protected override void Active()
    {
        ReceiveAsync<OpenIncident>(OnOpen);
        Receive<GetIncident>(_ => Sender.Tell(State.Opened
            ? View()
            : new Rejected(RejectionCode.NotFound, $"No incident {Id}.")));
    }

    private async Task OnOpen(OpenIncident m)
    {
        if (State.Opened)
        {
            Sender.Tell(View());
            return;
        }
        State.Type = m.Type;
        State.Priority = m.Priority;
        State.Lat = m.Lat;
        State.Lon = m.Lon;
        State.Address = m.Address;
        State.Description = m.Description;
        State.Source = m.Source;
        State.CellId = Runtime.Grid.CellAt(new GeoPoint(m.Lat, m.Lon))?.Id;
        State.Status = IncidentStatus.New;
        State.CreatedAt = m.At;
        State.Timeline.Add(new TimelineEntry(m.At, "opened", m.By, $"{m.Type} P{m.Priority}"));
        await SaveThenReply(Sender, View(), Event("incident.opened", m.By, $"{m.Type} P{m.Priority} {m.Source}"));
        if (State.CellId is not null)
            System.Region(GrainKinds.Cell).Tell(new IncidentOpenedInCell(State.CellId, Id, m.Type, m.At));
        Runtime.ChangeFeed.Tell(View());
    }

    private IncidentView View() => new(Id, State.Type, State.Priority, State.Lat, State.Lon, State.Address, State.Description,
        State.Source, State.CellId, State.Status, State.CreatedAt, State.Timeline);
}
