using GridCommand.Grains.Units;

namespace GridCommand.Grains.Cells;

/// <summary>What a cell keeps of an open incident: enough to spot a repeat call without asking the incident.</summary>
public sealed record OpenIncidentRef(string Type, double Lat, double Lon, DateTimeOffset At);

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

    /// <summary>A unit entered, or changed status inside the cell.</summary>
    public void UnitPresent(UnitSnapshot unit) => Units[unit.UnitId] = unit;

    /// <summary>Ignores a late "left" for a unit the cell no longer lists.</summary>
    public bool UnitLeft(string unitId) => Units.Remove(unitId);

    /// <summary>An incident opened here: counted once in today's counters and listed until it closes.</summary>
    public void IncidentOpened(string incidentId, OpenIncidentRef incident)
    {
        if (!OpenIncidents.TryAdd(incidentId, incident)) return;
        var type = incident.Type;
        var today = CityClock.Today(incident.At);
        if (today != CountersDay)
        {
            CountersDay = today;
            IncidentsToday.Clear();
        }
        IncidentsToday[type] = IncidentsToday.GetValueOrDefault(type) + 1;
    }

    public void IncidentClosed(string incidentId) => OpenIncidents.Remove(incidentId);

    /// <summary>Counts as of <paramref name="now"/>: yesterday's counters read as zero.</summary>
    public IReadOnlyDictionary<string, int> CountsToday(DateTimeOffset now) =>
        CityClock.Today(now) == CountersDay ? IncidentsToday : new Dictionary<string, int>();
}
