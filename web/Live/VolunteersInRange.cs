using GridCommand.Grains;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Units;

namespace GridCommand.Web.Live;

/// <summary>Who a volunteer order goes to: the volunteers on duty with a fresh fix within the radius, from this node's live picture.</summary>
public sealed class VolunteersInRange(LiveCity city, GrainSettings settings, TimeProvider clock)
{
    public IReadOnlyList<string> Around(GeoPoint scene, int radiusMeters)
    {
        var now = clock.GetUtcNow();
        return city.Units
            .Where(u => u is { Kind: UnitKind.Volunteer, Stale: false, Lat: { } lat, Lon: { } lon, FixAt: { } at }
                        && u.Status != DutyStatus.OffDuty && now - at <= settings.StaleAfter
                        && scene.DistanceTo(new GeoPoint(lat, lon)) <= radiusMeters)
            .Select(u => u.UnitId)
            .ToList();
    }
}
