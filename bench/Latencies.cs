namespace GridCommand.Bench;

/// <summary>Collects latencies (thread-safe) and reports percentiles.</summary>
public sealed class Latencies
{
    private readonly List<double> _ms = [];

    public int Count
    {
        get { lock (_ms) return _ms.Count; }
    }

    public void Add(double ms)
    {
        lock (_ms) _ms.Add(ms);
    }

    public void Clear()
    {
        lock (_ms) _ms.Clear();
    }

    public double? Percentile(double p)
    {
        lock (_ms)
        {
            if (_ms.Count == 0) return null;
            var sorted = _ms.Order().ToArray();
            return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        }
    }

    public override string ToString() =>
        Count == 0 ? "no samples" : $"p50 {Percentile(0.5):N0} ms, p99 {Percentile(0.99):N0} ms ({Count:N0} samples)";
}
