using GridCommand.Rules.Units;

namespace GridCommand.Rules.Cells;

/// <summary>
/// A grid cell's live picture: the units inside it (as last told by the unit grains, on entry and on
/// status changes), its open incidents and today's incident counts by type.
/// </summary>
public sealed class CellState
{
    public string? StationId { get; set; }
    public Dictionary<string, UnitSnapshot> Units { get; set; } = new();
    public Dictionary<string, OpenIncidentRef> OpenIncidents { get; set; } = new();
    public DateOnly CountersDay { get; set; }
    public Dictionary<string, int> IncidentsToday { get; set; } = new();

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

    public void IncidentClosed(string incidentId) => OpenIncidents.Remove(incidentId);

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
}
