using GridCommand.Contracts.Coverage;
using GridCommand.Rules.Cells;
using GridCommand.Rules.Checkins;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Units;

namespace GridCommand.Contracts.Cells;

/// <summary>A grid cell, keyed by its id in the city layout: the units in it, its open incidents and today's counts.</summary>
public interface ICellGrain : IGrainWithStringKey
{
    /// <summary>
    /// From a unit: it entered the cell, or changed status or staleness inside it. One-way messages may arrive out of
    /// order: the cell keeps each unit's newest snapshot by sequence number.
    /// </summary>
    [OneWay]
    Task UnitPresent(UnitSnapshot unit);

    /// <summary>From a unit: it left the cell when its sequence number was <paramref name="seq"/>.</summary>
    [OneWay]
    Task UnitLeft(string unitId, long seq);

    /// <summary>Awaited by the incident before it answers its caller, so a repeat call right after finds it here.</summary>
    Task IncidentOpened(string incidentId, OpenIncidentRef incident);

    /// <summary>From an incident at each change once it is no longer open: the cell lists it among the recent ones.</summary>
    [OneWay]
    Task IncidentClosed(string incidentId, IncidentStatus status);

    /// <summary>From a station: the cell is in its area.</summary>
    [OneWay]
    Task AssignToStation(string stationId);

    /// <returns>the station whose area the cell is in; null when none (for the chat-group intake).</returns>
    Task<string?> StationId();

    /// <summary>Names the cell's grid worker (null: none); saved at once, in the event log when it changed.</summary>
    /// <exception cref="Refusal">not a cell of the city</exception>
    Task SetGridWorker(GridWorker? worker, string by);

    /// <summary>
    /// A unit checked in here: kept in the check-in table (the history) and among the cell's recent ones, and logged as
    /// <c>checkin.recorded</c> (by unit, station and category); saved before it answers. Told again, it changes nothing.
    /// </summary>
    /// <exception cref="Refusal">not a cell of the city</exception>
    Task CheckIn(Checkin checkin);

    /// <summary>From a silo's coverage mailbox: which of its units reach the cell's centre, and how fast (or no longer).</summary>
    [OneWay]
    Task Reached(CoverageBatch batch);

    /// <returns>the fastest unit to the cell's centre now; null when none reaches it within the reach time.</returns>
    Task<CellCoverage?> Coverage();

    /// <summary>What the grid knows of the cell (the cell view, 全息图).</summary>
    /// <returns>null for an id that is not a cell of the city.</returns>
    Task<CellView?> Get();

    /// <summary>The units as the cell last heard of them (for the ring search).</summary>
    Task<CellRoster> Roster();

    /// <summary>The open incidents here (for spotting repeat calls).</summary>
    Task<OpenIncidentsInCell> OpenIncidents();
}
