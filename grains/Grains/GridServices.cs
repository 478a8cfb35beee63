using GridCommand.Grains.Feed;
using GridCommand.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace GridCommand.Grains;

/// <summary>The silo services the grains use, injected as one: the runtime, the event log, the change feed, a logger.</summary>
public sealed class GridServices(GridRuntime runtime, IEventLog events, IChangeFeed feed, GridMetrics metrics, ILogger<GridServices> log)
{
    public GridRuntime Runtime { get; } = runtime;
    public IEventLog Events { get; } = events;
    public IChangeFeed Feed { get; } = feed;
    public GridMetrics Metrics { get; } = metrics;
    public ILogger Log { get; } = log;
}
