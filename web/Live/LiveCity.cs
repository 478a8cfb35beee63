using System.Collections.Concurrent;
using GridCommand.Grains;
using GridCommand.Grains.Actors;
using GridCommand.Grains.Incidents;
using GridCommand.Grains.Messages;
using GridCommand.Grains.Serialization;
using GridCommand.Grains.Storage;
using GridCommand.Grains.Units;

namespace GridCommand.Web.Live;

/// <summary>
/// This web node's picture of the whole city for lists, the wall and KPIs: loaded from the grain
/// store at start, then kept current by the cluster's change batches. Newer sequence numbers win,
/// so a late batch never rolls a unit or an incident back.
/// </summary>
public sealed class LiveCity
{
    private readonly ConcurrentDictionary<string, UnitSnapshot> _units = new();
    private readonly ConcurrentDictionary<string, IncidentView> _incidents = new();

    public IReadOnlyCollection<UnitSnapshot> Units => (IReadOnlyCollection<UnitSnapshot>)_units.Values;

    public IReadOnlyCollection<IncidentView> Incidents => (IReadOnlyCollection<IncidentView>)_incidents.Values;

    /// <summary>
    /// The picture keeps open incidents and every incident since yesterday began (China time): enough
    /// for the queues, the wall and today's KPIs. Older history stays in the store and the event log.
    /// </summary>
    public static bool Keeps(IncidentView incident, DateTimeOffset now) =>
        incident.Status.IsOpen() || incident.CreatedAt >= CityClock.StartOfToday(now).AddDays(-1);

    public async Task LoadAsync(IGrainStateStore store, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var row in await store.ReadAllAsync(GrainKinds.Unit, ct))
        {
            var unit = GrainJson.Deserialize<UnitState>(row.Payload);
            if (unit.Enrolled) Apply(unit.Snapshot());
        }
        foreach (var row in await store.ReadAllAsync(GrainKinds.Incident, ct))
        {
            var incident = GrainJson.Deserialize<IncidentState>(row.Payload);
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
