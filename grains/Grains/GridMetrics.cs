using System.Diagnostics.Metrics;

namespace GridCommand.Grains;

/// <summary>What the grains measure, on the meter <see cref="MeterName"/>: exported by the node that hosts them.</summary>
public sealed class GridMetrics : IDisposable
{
    public const string MeterName = "GridCommand.Grains";

    private readonly Meter _meter = new(MeterName);
    private readonly Histogram<double> _dispatchToAccept;

    public GridMetrics() =>
        _dispatchToAccept = _meter.CreateHistogram<double>("gridcommand.dispatch.accept_time", "s", "From a task's offer to its unit accepting it");

    public void TaskAccepted(TimeSpan afterOffer) => _dispatchToAccept.Record(afterOffer.TotalSeconds);

    public void Dispose() => _meter.Dispose();
}
