using GridCommand.Rules.Geo;
using GridCommand.Rules.Units;

namespace GridCommand.Rules.Dispatch;

/// <summary>Ranks units for an incident: only available, on-duty units with a fresh fix, fastest ETA first.</summary>
public sealed class Recommender(IEtaEstimator eta, TimeSpan staleAfter)
{
    public IReadOnlyList<Recommendation> Rank(
        GeoPoint scene, IEnumerable<UnitSnapshot> units, DateTimeOffset now, ISet<string> excluded, UnitKind? kind, int limit) =>
        units
            .Where(u => u.Status == DutyStatus.Available && u.Lat is not null && u.Lon is not null && u.FixAt is not null)
            .Where(u => now - u.FixAt!.Value <= staleAfter && !excluded.Contains(u.UnitId) && (kind is null || u.Kind == kind))
            .Select(u =>
            {
                var at = new GeoPoint(u.Lat!.Value, u.Lon!.Value);
                return new Recommendation(u.UnitId, u.Kind, u.Name, EtaSeconds(at, scene, u.Kind),
                    (int)Math.Round(at.DistanceTo(scene)),
                    (int)Math.Max(0, (now - u.FixAt!.Value).TotalSeconds));
            })
            .OrderBy(r => r.EtaSeconds).ThenBy(r => r.DistanceMeters).ThenBy(r => r.UnitId, StringComparer.Ordinal)
            .Take(limit)
            .ToList();

    public int EtaSeconds(GeoPoint from, GeoPoint scene, UnitKind kind) => (int)Math.Ceiling(eta.Estimate(from, scene, kind).TotalSeconds);
}
