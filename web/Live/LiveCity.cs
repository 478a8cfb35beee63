using System.Collections.Concurrent;
using GridCommand.Contracts;
using GridCommand.Contracts.Feed;
using GridCommand.Contracts.Incidents;
using GridCommand.Grains;
using GridCommand.Rules;
using GridCommand.Rules.Cells;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Units;
using GridCommand.Silo.Storage;

namespace GridCommand.Web.Live;

/// <summary>
/// This web node's picture of the whole city for lists, the wall and KPIs: loaded from the stored grain states
/// at start, then kept current by the silos' change batches. Newer sequence numbers win, so a late batch never
/// rolls a unit or an incident back; a cell's load is replaced by the newest its grain sent.
/// </summary>
public sealed class LiveCity(CityClock clock)
{
    private readonly ConcurrentDictionary<string, UnitSnapshot> _units = new();
    private readonly ConcurrentDictionary<string, IncidentView> _incidents = new();
    private readonly ConcurrentDictionary<string, CellLoad> _cells = new();

    public IReadOnlyCollection<UnitSnapshot> Units => (IReadOnlyCollection<UnitSnapshot>)_units.Values;

    public IReadOnlyCollection<IncidentView> Incidents => (IReadOnlyCollection<IncidentView>)_incidents.Values;

    /// <summary>The city's time zone, in which "today" and "yesterday" are counted.</summary>
    public CityClock Clock { get; } = clock;

    /// <summary>Each cell's newest load; a cell no unit or incident was ever in has none.</summary>
    public IReadOnlyCollection<CellLoad> Cells => (IReadOnlyCollection<CellLoad>)_cells.Values;

    /// <summary>
    /// The picture keeps open incidents and every incident since yesterday began (city time): enough
    /// for the queues, the wall and today's KPIs. Older history stays in the store and the event log.
    /// </summary>
    public bool Keeps(IncidentView incident, DateTimeOffset now) =>
        incident.Status.IsOpen() || incident.CreatedAt >= Clock.StartOfToday(now).AddDays(-1);

    /// <summary>The stored city: every enrolled unit (at its newest journaled fix), the incidents the picture keeps, the cells' loads.</summary>
    /// <returns>the ids of the stored states that could not be read (they are left out, not the whole picture)</returns>
    public async Task<IReadOnlyList<string>> LoadAsync(GridDatabase database, CityGrid grid, GrainSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        var unreadable = new List<string>();
        foreach (var row in await database.Grains.ReadAllAsync(GrainKinds.Unit, ct))
        {
            if (Read<UnitState>(row, unreadable) is not { Enrolled: true } unit) continue;
            if (await database.Positions.ReadAsync(row.Id, ct) is { } saved) unit.Restore(saved.Fix, saved.Seq, grid, now, settings.StaleAfter);
            Apply(unit.Snapshot());
        }
        foreach (var row in await database.Grains.ReadAllAsync(GrainKinds.Incident, ct))
        {
            if (Read<IncidentState>(row, unreadable) is not { Opened: true } incident) continue;
            var view = IncidentViews.Of(row.Id, incident);
            if (Keeps(view, now)) Apply(view);
        }
        // A cell's stored load is older than one the feed brought meanwhile (cells save a while after they change).
        foreach (var row in await database.Grains.ReadAllAsync(GrainKinds.Cell, ct))
            if (grid.Find(row.Id) is not null && Read<CellState>(row, unreadable) is { } cell) _cells.TryAdd(row.Id, cell.Load(row.Id));
        return unreadable;
    }

    private static T? Read<T>(StoredGrain row, List<string> unreadable) where T : class
    {
        try
        {
            return row.State<T>();
        }
        catch (System.Text.Json.JsonException)
        {
            unreadable.Add(row.Id);
            return null;
        }
    }

    /// <summary>Lets go of closed incidents from before yesterday, so a wall that runs for months stays small.</summary>
    public void ForgetOldIncidents(DateTimeOffset now)
    {
        foreach (var (id, incident) in _incidents)
            if (!Keeps(incident, now)) _incidents.TryRemove(id, out _);
    }

    /// <returns>the units that changed in the picture, each with where it was before (a late, older snapshot is not one).</returns>
    public IReadOnlyList<UnitMove> Apply(CityChanges changes)
    {
        var moves = new List<UnitMove>(changes.Units.Count);
        foreach (var unit in changes.Units)
            if (Apply(unit) is { } move) moves.Add(move);
        foreach (var incident in changes.Incidents) Apply(incident);
        foreach (var cell in changes.Cells) Apply(cell);
        return moves;
    }

    /// <summary>Swaps in a newer snapshot atomically, so the snapshot it replaced (where the unit was) is known.</summary>
    private UnitMove? Apply(UnitSnapshot unit)
    {
        while (true)
        {
            if (!_units.TryGetValue(unit.UnitId, out var known))
            {
                if (_units.TryAdd(unit.UnitId, unit)) return new UnitMove(null, unit);
            }
            else if (unit.Seq < known.Seq) return null;
            else if (_units.TryUpdate(unit.UnitId, unit, known)) return new UnitMove(known, unit);
        }
    }

    private void Apply(CellLoad cell) => _cells[cell.CellId] = cell;

    private void Apply(IncidentView incident) =>
        _incidents.AddOrUpdate(incident.Id, incident, (_, known) => incident.Seq >= known.Seq ? incident : known);
}
