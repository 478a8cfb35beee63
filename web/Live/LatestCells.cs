using GridCommand.Rules.Cells;

namespace GridCommand.Web.Live;

/// <summary>The cells whose loads changed since they were last sent to the walls, each at its newest load.</summary>
public sealed class LatestCells
{
    private readonly Lock _lock = new();
    private Dictionary<string, CellLoad> _changed = new();

    public void Add(IEnumerable<CellLoad> cells)
    {
        lock (_lock)
            foreach (var cell in cells) _changed[cell.CellId] = cell;
    }

    /// <returns>the changed cells, emptying the set; null when none changed.</returns>
    public IReadOnlyList<CellLoad>? Take()
    {
        lock (_lock)
        {
            if (_changed.Count == 0) return null;
            var cells = _changed.Values.ToList();
            _changed = new();
            return cells;
        }
    }
}
