using System.Collections.Concurrent;
using GridCommand.Contracts;
using GridCommand.Contracts.Feed;
using GridCommand.Contracts.Incidents;
using GridCommand.Grains;
using GridCommand.Rules;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Units;
using GridCommand.Silo.Storage;

namespace GridCommand.Web.Live;

/// <summary>
/// This web node's picture of the whole city for lists, the wall and KPIs: loaded from the stored grain states
/// at start, then kept current by the silos' change batches. Newer sequence numbers win, so a late batch never
/// rolls a unit or an incident back.
/// </summary>
public sealed class LiveCity(CityClock clock)
{
    private readonly ConcurrentDictionary<string, UnitSnapshot> _units = new();
    private readonly ConcurrentDictionary<string, IncidentView> _incidents = new();

    public IReadOnlyCollection<UnitSnapshot> Units => (IReadOnlyCollection<UnitSnapshot>)_units.Values;

    public IReadOnlyCollection<IncidentView> Incidents => (IReadOnlyCollection<IncidentView>)_incidents.Values;

    /// <summary>The city's time zone, in which "today" and "yesterday" are counted.</summary>
    public CityClock Clock { get; } = clock;

    /// <summary>
    /// The picture keeps open incidents and every incident since yesterday began (city time): enough
    /// for the queues, the wall and today's KPIs. Older history stays in the store and the event log.
    /// </summary>
    public bool Keeps(IncidentView incident, DateTimeOffset now) =>
        incident.Status.IsOpen() || incident.CreatedAt >= Clock.StartOfToday(now).AddDays(-1);

    /// <summary>The stored city: every enrolled unit (at its newest journaled fix) and the incidents the picture keeps.</summary>
    public async Task LoadAsync(GridDatabase database, CityGrid grid, GrainSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var row in await database.Grains.ReadAllAsync(GrainKinds.Unit, ct))
        {
            var unit = row.State<UnitState>();
            if (!unit.Enrolled) continue;
            if (await database.Positions.ReadAsync(row.Id, ct) is { } saved) unit.Restore(saved.Fix, saved.Seq, grid, now, settings.StaleAfter);
            Apply(unit.Snapshot());
        }
        foreach (var row in await database.Grains.ReadAllAsync(GrainKinds.Incident, ct))
        {
            var incident = row.State<IncidentState>();
            if (!incident.Opened) continue;
            var view = IncidentViews.Of(row.Id, incident);
            if (Keeps(view, now)) Apply(view);
        }
    }

    /// <summary>Lets go of closed incidents from before yesterday, so a wall that runs for months stays small.</summary>
    public void ForgetOldIncidents(DateTimeOffset now)
    {
        foreach (var (id, incident) in _incidents)
            if (!Keeps(incident, now)) _incidents.TryRemove(id, out _);
    }

    public void Apply(CityChanges changes)
    {
        foreach (var unit in changes.Units) Apply(unit);
        foreach (var incident in changes.Incidents) Apply(incident);
    }

    private void Apply(UnitSnapshot unit) =>
        _units.AddOrUpdate(unit.UnitId, unit, (_, known) => unit.Seq >= known.Seq ? unit : known);

    private void Apply(IncidentView incident) =>
        _incidents.AddOrUpdate(incident.Id, incident, (_, known) => incident.Seq >= known.Seq ? incident : known);
}
