using System.Diagnostics.Metrics;
using GridCommand.Rules.Incidents;
using GridCommand.Web.Live;

namespace GridCommand.Web.Hosting;

/// <summary>What a web node measures, on the meter <see cref="MeterName"/>; exported at /metrics with Orleans' and ASP.NET's own.</summary>
public sealed class WebMetrics : IDisposable
{
    public const string MeterName = "GridCommand.Web";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _positions;
    private readonly Counter<long> _wallBytes;
    private readonly Counter<long> _refused;

    public WebMetrics(LiveCity city)
    {
        _positions = _meter.CreateCounter<long>("gridcommand.positions.received", "{fix}", "Position fixes accepted from devices");
        _wallBytes = _meter.CreateCounter<long>("gridcommand.wall.bytes_sent", "By", "Unit updates and cell loads sent to wall clients (payload bytes)");
        _refused = _meter.CreateCounter<long>("gridcommand.requests.refused", "{request}", "Requests answered 4xx, by status");
        _meter.CreateObservableGauge("gridcommand.incidents.open", () => city.Incidents.Count(i => i.Status.IsOpen()), "{incident}",
            "Incidents still open, as this node's live picture has them");
    }

    public void PositionReceived() => _positions.Add(1);

    public void WallSent(long bytes) => _wallBytes.Add(bytes);

    public void RequestRefused(int status) => _refused.Add(1, new KeyValuePair<string, object?>("status", status.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public void Dispose() => _meter.Dispose();
}
