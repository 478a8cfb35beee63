using GridCommand.Contracts.Cameras;
using GridCommand.Contracts.Feed;
using GridCommand.Contracts.Incidents;
using GridCommand.Contracts.Lockdown;
using GridCommand.Contracts.Volunteers;
using GridCommand.Rules.Auth;
using GridCommand.Rules.Cells;
using GridCommand.Rules.Units;

namespace GridCommand.Grains.Feed;

/// <summary>
/// The changes collected since the last batch: at most one snapshot per unit (the newest by sequence number), one
/// view per incident and one load per cell, so a batch never grows with the number of fixes, only with the number of
/// units.
/// Safe to fill from many grains at once.
/// </summary>
public sealed class ChangeBatch
{
    private readonly Lock _lock = new();
    private Dictionary<string, UnitSnapshot> _units = new();
    private Dictionary<string, IncidentView> _incidents = new();
    private List<TaskView> _offered = [];
    private List<TaskWithdrawal> _withdrawn = [];
    private List<Revocation> _revocations = [];
    private Dictionary<string, CellLoad> _cells = new();
    private Dictionary<string, ActivationView> _lockdowns = new();
    private Dictionary<string, VolunteerOrderChange> _volunteerOrders = new();
    private List<CameraAlarmView> _cameraAlarms = [];

    public void Add(UnitSnapshot unit)
    {
        lock (_lock)
        {
            if (!_units.TryGetValue(unit.UnitId, out var known) || known.Seq <= unit.Seq) _units[unit.UnitId] = unit;
        }
    }

    public void Add(IncidentView incident)
    {
        lock (_lock)
        {
            if (!_incidents.TryGetValue(incident.Id, out var known) || known.Seq <= incident.Seq) _incidents[incident.Id] = incident;
        }
    }

    public void Add(TaskView offered)
    {
        lock (_lock) _offered.Add(offered);
    }

    public void Add(TaskWithdrawal withdrawn)
    {
        lock (_lock) _withdrawn.Add(withdrawn);
    }

    public void Add(Revocation revocation)
    {
        lock (_lock) _revocations.Add(revocation);
    }

    public void Add(ActivationView lockdown)
    {
        lock (_lock)
        {
            if (!_lockdowns.TryGetValue(lockdown.Id, out var known) || known.Seq <= lockdown.Seq) _lockdowns[lockdown.Id] = lockdown;
        }
    }

    public void Add(VolunteerOrderChange order)
    {
        lock (_lock)
        {
            if (!_volunteerOrders.TryGetValue(order.Order.Id, out var known) || known.Order.Seq <= order.Order.Seq) _volunteerOrders[order.Order.Id] = order;
        }
    }

    public void Add(CameraAlarmView alarm)
    {
        lock (_lock) _cameraAlarms.Add(alarm);
    }

    /// <summary>A cell grain hands its loads on in order: the newest replaces what is waiting.</summary>
    public void Add(CellLoad cell)
    {
        lock (_lock) _cells[cell.CellId] = cell;
    }

    /// <returns>everything collected so far, emptying the batch; null when nothing changed.</returns>
    public CityChanges? Take()
    {
        lock (_lock)
        {
            if (_units.Count == 0 && _incidents.Count == 0 && _offered.Count == 0 && _withdrawn.Count == 0 && _revocations.Count == 0
                && _cells.Count == 0 && _lockdowns.Count == 0 && _volunteerOrders.Count == 0 && _cameraAlarms.Count == 0) return null;
            var changes = new CityChanges(_units.Values.ToList(), _incidents.Values.ToList(), _offered, _withdrawn, _revocations, _cells.Values.ToList(),
                _lockdowns.Count == 0 ? null : _lockdowns.Values.ToList(), _volunteerOrders.Count == 0 ? null : _volunteerOrders.Values.ToList(),
                _cameraAlarms.Count == 0 ? null : _cameraAlarms);
            (_units, _incidents, _offered, _withdrawn, _revocations, _cells, _lockdowns) = (new(), new(), [], [], [], new(), new());
            (_volunteerOrders, _cameraAlarms) = (new(), []);
            return changes;
        }
    }
}
