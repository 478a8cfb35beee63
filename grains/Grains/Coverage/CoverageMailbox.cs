using GridCommand.Contracts.Cells;
using GridCommand.Contracts.Coverage;
using GridCommand.Rules.Coverage;
using Microsoft.Extensions.Logging;

namespace GridCommand.Grains.Coverage;

/// <summary>
/// One per silo, like the change feed: unit grains on the silo leave their coverage entries here (a method call, no
/// message), at most the newest per (cell, unit); every flush interval each cell that has some gets ONE one-way call
/// with an immutable batch. A car moving through a 5-minute reach of ~80 cells so costs the cells a share of one
/// call each per second, however many units and fixes.
/// </summary>
public sealed partial class CoverageMailbox(IGrainFactory grains, TimeSpan flushInterval, ILogger<CoverageMailbox> log)
    : ICoverageMailbox, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private Dictionary<string, Dictionary<string, CoverageEntry>> _byCell = new();
    private Task _flushing = Task.CompletedTask;

    public void Tell(string cellId, CoverageEntry entry)
    {
        lock (_lock)
        {
            if (!_byCell.TryGetValue(cellId, out var units)) _byCell[cellId] = units = new();
            if (!units.TryGetValue(entry.UnitId, out var known) || known.Seq <= entry.Seq) units[entry.UnitId] = entry;
        }
    }

    /// <summary>Sends what gathered, one one-way call per cell.</summary>
    private void Flush()
    {
        Dictionary<string, Dictionary<string, CoverageEntry>> taken;
        lock (_lock)
        {
            if (_byCell.Count == 0) return;
            (taken, _byCell) = (_byCell, new());
        }
        foreach (var (cellId, units) in taken)
            _ = grains.GetGrain<ICellGrain>(cellId).Reached(new CoverageBatch(units.Values.ToList()));
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(CoverageMailbox), ServiceLifecycleStage.Active, _ =>
        {
            _flushing = Task.Run(() => PeriodicWork.Every(flushInterval, FlushLogged, _stop.Token));
            return Task.CompletedTask;
        }, async _ =>
        {
            await _stop.CancelAsync();
            await _flushing;
        });

    private Task FlushLogged()
    {
        try
        {
            Flush();
        }
        catch (Exception e)
        {
            LogFlushFailed(log, e);
        }
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the coverage entries; the units send their reach again within their refresh interval")]
    private static partial void LogFlushFailed(ILogger logger, Exception e);
}
