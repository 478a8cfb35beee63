using GridCommand.Rules.Checkins;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Units;

namespace GridCommand.Rules.Cells;

/// <summary>
/// A grid cell's live picture: the units inside it (as last told by the unit grains, on entry and on
/// status changes), its open and recently closed incidents, today's incident counts by type, and its grid worker.
/// </summary>
public sealed class CellState
{
    /// <summary>How many closed incidents a cell remembers, and for how long: the cell view's "recent".</summary>
    public const int RecentLimit = 20;
    public static readonly TimeSpan RecentFor = TimeSpan.FromDays(1);

    public string? StationId { get; set; }
    public GridWorker? GridWorker { get; set; }
    public Dictionary<string, UnitSnapshot> Units { get; set; } = new();
    public Dictionary<string, OpenIncidentRef> OpenIncidents { get; set; } = new();
    public DateOnly CountersDay { get; set; }
    public Dictionary<string, int> IncidentsToday { get; set; } = new();
    /// <summary>Closed incidents, newest first, at most <see cref="RecentLimit"/>.</summary>
    public List<CellIncident> RecentIncidents { get; set; } = new();
    /// <summary>The units' check-ins here, newest first, at most <see cref="RecentLimit"/> (the history is in the check-in table).</summary>
    public List<Checkin> RecentCheckins { get; set; } = new();

    /// <summary>
    /// A unit entered, or changed status inside the cell. Messages between grains may arrive out of order, so the
    /// cell keeps the newest snapshot by the unit's sequence number.
    /// </summary>
    public void UnitPresent(UnitSnapshot unit)
    {
        if (!Units.TryGetValue(unit.UnitId, out var known) || known.Seq <= unit.Seq) Units[unit.UnitId] = unit;
    }

    /// <summary>The unit left when its sequence number was <paramref name="seq"/>; a late "left", older than what the cell knows, changes nothing.</summary>
    public bool UnitLeft(string unitId, long seq) =>
        Units.TryGetValue(unitId, out var known) && known.Seq <= seq && Units.Remove(unitId);

    /// <summary>An incident opened here: counted once in today's counters (the city's day) and listed until it closes.</summary>
    public void IncidentOpened(string incidentId, OpenIncidentRef incident, CityClock city)
    {
        if (!OpenIncidents.TryAdd(incidentId, incident)) return;
        var type = incident.Type;
        var today = city.Today(incident.At);
        if (today != CountersDay)
        {
            CountersDay = today;
            IncidentsToday.Clear();
        }
        IncidentsToday[type] = IncidentsToday.GetValueOrDefault(type) + 1;
    }

    /// <summary>
    /// An incident here is no longer open: it moves to the recent ones. Told again at each later change (resolved, then
    /// closed), the recent entry takes the newer status.
    /// </summary>
    public void IncidentClosed(string incidentId, IncidentStatus status, DateTimeOffset now)
    {
        if (OpenIncidents.Remove(incidentId, out var open))
        {
            RecentIncidents.Insert(0, new CellIncident(incidentId, open.Type, open.Lat, open.Lon, open.At, now, status));
            if (RecentIncidents.Count > RecentLimit) RecentIncidents.RemoveRange(RecentLimit, RecentIncidents.Count - RecentLimit);
            return;
        }
        var i = RecentIncidents.FindIndex(r => r.IncidentId == incidentId);
        if (i >= 0) RecentIncidents[i] = RecentIncidents[i] with { Status = status };
    }

    /// <summary>The open incidents, newest first, then those closed within <see cref="RecentFor"/> of <paramref name="now"/>.</summary>
    public IReadOnlyList<CellIncident> Incidents(DateTimeOffset now) =>
        OpenIncidents.Select(o => new CellIncident(o.Key, o.Value.Type, o.Value.Lat, o.Value.Lon, o.Value.At))
            .OrderByDescending(i => i.OpenedAt)
            .Concat(RecentIncidents.Where(r => now - r.ClosedAt <= RecentFor))
            .ToList();

    /// <summary>The cell's figures for the wall, from its roster and open incidents, with its coverage (kept apart, not stored).</summary>
    public CellLoad Load(string cellId, CellCoverage? coverage = null)
    {
        var onDuty = new Dictionary<UnitKind, int>();
        var busy = 0;
        foreach (var unit in Units.Values)
        {
            if (unit.Status == DutyStatus.OffDuty) continue;
            if (unit.Status != DutyStatus.Available) busy++; // assigned, en route or on scene
            if (!unit.Stale) onDuty[unit.Kind] = onDuty.GetValueOrDefault(unit.Kind) + 1;
        }
        return new CellLoad(cellId, Units.Count, onDuty, busy, OpenIncidents.Count, coverage);
    }

    /// <summary>Counts as of <paramref name="now"/>: yesterday's counters read as zero.</summary>
    public IReadOnlyDictionary<string, int> CountsToday(DateTimeOffset now, CityClock city) =>
        city.Today(now) == CountersDay ? IncidentsToday : new Dictionary<string, int>();

    /// <summary>A unit checked in here: listed newest first (by its time), once however often it is told.</summary>
    /// <returns>false for a check-in the cell already lists.</returns>
    public bool CheckedIn(Checkin checkin)
    {
        if (RecentCheckins.Exists(c => c.Id == checkin.Id)) return false;
        var at = RecentCheckins.FindIndex(c => c.At < checkin.At);
        RecentCheckins.Insert(at < 0 ? RecentCheckins.Count : at, checkin);
        if (RecentCheckins.Count > RecentLimit) RecentCheckins.RemoveRange(RecentLimit, RecentCheckins.Count - RecentLimit);
        return true;
    }

    /// <summary>The check-ins of the last <see cref="RecentFor"/>, newest first.</summary>
    public IReadOnlyList<Checkin> Checkins(DateTimeOffset now) => RecentCheckins.Where(c => now - c.At <= RecentFor).ToList();
}
