using Akka.Actor;
using GridCommand.Grains.Cells;
using GridCommand.Grains.Geo;
using GridCommand.Grains.Messages;

namespace GridCommand.Grains.Actors;

/// <summary>A grid cell: its roster of units, open incidents and today's counters. Its polygon comes from the city layout.</summary>
public sealed class CellGrain : GrainActor<CellState>
{
    private readonly GridCell? _cell;

    public CellGrain(GrainRuntime runtime) : base(runtime, GrainKinds.Cell) => _cell = runtime.Grid.Find(Id);

    public static Props Props(GrainRuntime runtime) => Akka.Actor.Props.Create(() => new CellGrain(runtime));

    protected override void Active()
    {
        if (_cell is null)
        {
            // Not a cell of this city: answer queries, drop everything else.
            Receive<GetCell>(_ => Sender.Tell(new Rejected(RejectionCode.NotFound, $"No grid cell {Id}.")));
            Receive<GetUnitsInCell>(_ => Sender.Tell(new UnitsInCell([])));
            Receive<GetOpenIncidents>(_ => Sender.Tell(new OpenIncidentsInCell(new Dictionary<string, OpenIncidentRef>())));
            return;
        }
        Receive<UnitInCell>(m => Changed(() => State.UnitPresent(m.Unit)));
        Receive<UnitLeftCell>(m => Changed(() => State.UnitLeft(m.UnitId)));
        Receive<IncidentOpenedInCell>(m => Changed(() => State.IncidentOpened(m.IncidentId, m.Incident)));
        Receive<IncidentClosedInCell>(m => Changed(() => State.IncidentClosed(m.IncidentId)));
        Receive<AssignCellToStation>(m => Changed(() => State.StationId = m.StationId));
        Receive<GetCell>(_ => Sender.Tell(View(_cell)));
        Receive<GetUnitsInCell>(_ => Sender.Tell(new UnitsInCell(State.Units.Values.ToList())));
        Receive<GetOpenIncidents>(_ => Sender.Tell(new OpenIncidentsInCell(State.OpenIncidents)));
    }

    private void Changed(Action change)
    {
        change();
        SaveSoon(Runtime.Settings.CellSaveInterval);
    }

    private CellView View(GridCell cell) => new(cell.Id, cell.Name, cell.District, State.StationId,
        cell.Polygon.Select(p => new[] { p.Lat, p.Lon }).ToList(), cell.Neighbours,
        State.Units.Values.OrderBy(u => u.UnitId, StringComparer.Ordinal).ToList(),
        State.OpenIncidents.Keys.Order(StringComparer.Ordinal).ToList(),
        State.CountsToday(Runtime.Now));
}
