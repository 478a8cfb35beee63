using GridCommand.Contracts;
using GridCommand.Contracts.Cells;
using GridCommand.Contracts.Stations;
using GridCommand.Grains.Dispatch;
using GridCommand.Grains.Storage;
using GridCommand.Contracts.Coverage;
using GridCommand.Rules;
using GridCommand.Rules.Cells;
using GridCommand.Rules.Checkins;
using GridCommand.Rules.Coverage;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Units;

namespace GridCommand.Grains.Cells;

/// <summary>
/// A grid cell: its roster of units, open incidents and today's counters, all told by other grains; its polygon
/// comes from the city layout. A grain for an id that is not a cell of the city keeps nothing and knows nothing.
/// </summary>
public sealed class CellGrain(
    [PersistentState(GrainKinds.Cell, GrainKinds.Storage)] IPersistentState<CellState> state,
    GridServices services,
    ICheckinStore checkins)
    : GridGrain<CellState>(state, services, GrainKinds.Cell), ICellGrain
{
    private GridCell? _cell;
    /// <summary>The load the screens last heard of (the stored one, which the web nodes load, at activation).</summary>
    private CellLoad? _told;
    /// <summary>Who reaches the cell's centre how fast: in memory, refreshed by the units, not stored.</summary>
    private readonly CellCoverageBook _coverage = new();
    private IGrainTimer? _expiry;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _cell = Runtime.Grid.Find(Id);
        _told = State.Load(Id);
        return Task.CompletedTask;
    }

    public Task UnitPresent(UnitSnapshot unit) => Change(() => State.UnitPresent(unit));

    public Task UnitLeft(string unitId, long seq) => Change(() => State.UnitLeft(unitId, seq));

    public Task IncidentOpened(string incidentId, OpenIncidentRef incident) => Change(() => State.IncidentOpened(incidentId, incident, Runtime.City));

    public Task IncidentClosed(string incidentId, IncidentStatus status) =>
        Change(() => State.IncidentClosed(incidentId, status, Runtime.Now));

    public Task AssignToStation(string stationId) => Change(() => State.StationId = stationId);

    public Task<string?> StationId() => Task.FromResult(State.StationId);

    public async Task SetGridWorker(GridWorker? worker, string by)
    {
        if (_cell is null) throw Refusal.NotFound($"No grid cell {Id}.");
        if (State.GridWorker == worker) return;
        State.GridWorker = worker;
        await Save("cell.grid-worker", by, worker?.Name);
    }

    public async Task CheckIn(Checkin checkin)
    {
        if (_cell is null) throw Refusal.NotFound($"No grid cell {Id}.");
        if (State.RecentCheckins.Exists(c => c.Id == checkin.Id)) return;
        // The history first: a check-in the cell lists is always in the table a cell's list pages through.
        await checkins.AddAsync(checkin);
        State.CheckedIn(checkin);
        await Save("checkin.recorded", checkin.UnitId, GrainJson.Serialize(new CheckinLogged(checkin.Id, checkin.UnitId, checkin.StationId,
            checkin.Category, checkin.PhotoType is not null)));
    }

    public async Task<CellView?> Get()
    {
        if (_cell is null) return null;
        var station = State.StationId is { } stationId ? await NoAnswer.OrDefault(Grains.GetGrain<IStationGrain>(stationId).Get()) : null;
        return View(_cell, station?.Name);
    }

    public Task Reached(CoverageBatch batch)
    {
        if (_cell is null) return Task.CompletedTask;
        var (now, lifetime) = (Runtime.Now, Runtime.Coverage.EntryLifetime);
        foreach (var entry in batch.Entries) _coverage.Apply(entry, now, lifetime);
        // Entries nobody refreshes (their unit's silo died) are forgotten: looked at once a refresh interval.
        _expiry ??= this.RegisterGrainTimer(ExpireCoverage, new GrainTimerCreationOptions(Runtime.Coverage.RefreshInterval, Runtime.Coverage.RefreshInterval));
        Publish();
        return Task.CompletedTask;
    }

    public Task<CellCoverage?> Coverage() => Task.FromResult(_coverage.Best());


    public Task<CellRoster> Roster() => Task.FromResult(new CellRoster(State.Units.Values.ToList()));

    public Task<OpenIncidentsInCell> OpenIncidents() =>
        Task.FromResult(new OpenIncidentsInCell(new Dictionary<string, OpenIncidentRef>(State.OpenIncidents)));

    /// <summary>
    /// The roster is derived from the units, so a change is saved soon rather than at once; the screens hear of the
    /// cell's load only when one of its figures changed.
    /// </summary>
    private Task Change(Action change)
    {
        if (_cell is null) return Task.CompletedTask;
        change();
        SaveSoon(Runtime.Settings.CellSaveInterval);
        Publish();
        return Task.CompletedTask;
    }

    private void Publish(bool evenIfUnchanged = false)
    {
        var load = State.Load(Id, _coverage.Best());
        if (!evenIfUnchanged && load.Equals(_told)) return;
        _told = load;
        Feed.CellChanged(load);
    }

    /// <summary>
    /// Also sends the load on unchanged while anyone covers the cell: a web node that joined later (which loads the
    /// stored loads, without coverage) so learns the coverage within a refresh interval.
    /// </summary>
    private Task ExpireCoverage()
    {
        _coverage.Expire(Runtime.Now);
        Publish(evenIfUnchanged: !_coverage.IsEmpty);
        if (_coverage.IsEmpty)
        {
            _expiry?.Dispose();
            _expiry = null;
        }
        return Task.CompletedTask;
    }

    private CellView View(GridCell cell, string? stationName) => new(cell.Id, cell.Name, cell.District, State.StationId, stationName,
        State.GridWorker, cell.Polygon.Select(p => new[] { p.Lat, p.Lon }).ToList(), cell.Neighbours,
        State.Units.Values.OrderBy(u => u.UnitId, StringComparer.Ordinal).ToList(),
        State.OpenIncidents.Keys.Order(StringComparer.Ordinal).ToList(),
        State.Incidents(Runtime.Now),
        new Dictionary<string, int>(State.CountsToday(Runtime.Now, Runtime.City)), _coverage.Best(), State.Checkins(Runtime.Now));

    /// <summary>The event log's data of a check-in: what a station's performance counts (by station, category and day).</summary>
    private sealed record CheckinLogged(string CheckinId, string UnitId, string? StationId, CheckinCategory Category, bool Photo);
}
