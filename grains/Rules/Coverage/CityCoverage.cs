using GridCommand.Rules.Cells;

namespace GridCommand.Rules.Coverage;

/// <summary>One cell's coverage as reported: its best ETA (null when nobody reaches it within the reach time) and that unit.</summary>
public sealed record CellCoverageView(string CellId, int? EtaSeconds, string? UnitId);

/// <summary>
/// The city's 1-3-5 minute coverage: the share of ALL its cells (a cell nobody ever reached counts as uncovered)
/// whose fastest unit arrives within one, three and five minutes, and each cell's best ETA.
/// </summary>
public sealed record CityCoverage(
    int CellCount, double WithinOneMinute, double WithinThreeMinutes, double WithinFiveMinutes, IReadOnlyList<CellCoverageView> Cells)
{
    public static CityCoverage Of(IEnumerable<string> cellIds, IReadOnlyDictionary<string, CellLoad> loads)
    {
        var cells = cellIds.Select(id => loads.GetValueOrDefault(id)?.Coverage is { } c
            ? new CellCoverageView(id, c.EtaSeconds, c.UnitId)
            : new CellCoverageView(id, null, null)).ToList();
        double Share(int seconds) => cells.Count == 0 ? 0 : (double)cells.Count(c => c.EtaSeconds <= seconds) / cells.Count;
        return new CityCoverage(cells.Count, Share(60), Share(180), Share(300), cells);
    }
}
