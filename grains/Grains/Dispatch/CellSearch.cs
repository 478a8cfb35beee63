using GridCommand.Contracts.Cells;
using GridCommand.Rules.Cells;
using GridCommand.Rules.Dispatch;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Units;

namespace GridCommand.Grains.Dispatch;

/// <summary>The ring search (<see cref="RingSearch"/>) over the cell grains: units around an incident, open incidents around a report.</summary>
public sealed class CellSearch(IGrainFactory grains, GridRuntime runtime)
{
    /// <summary>The units the cells around <paramref name="scene"/> list, as far as the dispatch rules search, that <paramref name="wanted"/> accepts.</summary>
    /// <param name="rosters">where the cells' rosters come from: each cell asked (the default), or a <see cref="RosterCache"/></param>
    public Task<List<UnitSnapshot>> Units(string cellId, GeoPoint scene, Func<UnitSnapshot, bool> wanted, Func<string, Task<CellRoster?>>? rosters = null) =>
        RingSearch.Gather<UnitSnapshot>(runtime.Grid, cellId, scene, runtime.Dispatch.MaxSearchMeters, runtime.Dispatch.WantedCandidates,
            async ring =>
            {
                var found = await Task.WhenAll(ring.Select(rosters ?? Roster));
                return found.OfType<CellRoster>().SelectMany(r => r.Units).Where(wanted).ToList();
            });

    /// <summary>The open incidents listed by the cells within the repeat-call distance of <paramref name="at"/>.</summary>
    public Task<List<KeyValuePair<string, OpenIncidentRef>>> OpenIncidents(string cellId, GeoPoint at) =>
        RingSearch.Gather<KeyValuePair<string, OpenIncidentRef>>(runtime.Grid, cellId, at, runtime.Dispatch.RepeatCallMeters, int.MaxValue,
            async ring =>
            {
                var open = await Task.WhenAll(ring.Select(c => NoAnswer.OrDefault(Cell(c).OpenIncidents())));
                return open.OfType<OpenIncidentsInCell>().SelectMany(o => o.Incidents).ToList();
            });

    /// <summary>
    /// Rosters asked once each, however many searches reach a cell: many searches at once over the same streets (a
    /// lockdown's points) cost at most one call per cell. Not thread-safe: for one grain's turn.
    /// </summary>
    public Func<string, Task<CellRoster?>> RosterCache()
    {
        var asked = new Dictionary<string, Task<CellRoster?>>();
        return cellId => asked.TryGetValue(cellId, out var roster) ? roster : asked[cellId] = Roster(cellId);
    }

    private Task<CellRoster?> Roster(string cellId) => NoAnswer.OrDefault(Cell(cellId).Roster());

    private ICellGrain Cell(string cellId) => grains.GetGrain<ICellGrain>(cellId);
}
