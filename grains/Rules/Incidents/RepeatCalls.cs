using GridCommand.Rules.Cells;
using GridCommand.Rules.Geo;

namespace GridCommand.Rules.Incidents;

/// <summary>A new report of the same type near an open incident, soon after it, is a repeat call of it.</summary>
public static class RepeatCalls
{
    /// <returns>the id of the nearest matching open incident, or null.</returns>
    public static string? Match(string type, GeoPoint at, DateTimeOffset now, IEnumerable<KeyValuePair<string, OpenIncidentRef>> open,
        double withinMeters, TimeSpan window) =>
        open.Where(o => o.Value.Type == type && now - o.Value.At <= window && now >= o.Value.At - window)
            .Select(o => (o.Key, Distance: at.DistanceTo(new GeoPoint(o.Value.Lat, o.Value.Lon))))
            .Where(o => o.Distance <= withinMeters)
            .OrderBy(o => o.Distance)
            .Select(o => o.Key)
            .FirstOrDefault();
}
