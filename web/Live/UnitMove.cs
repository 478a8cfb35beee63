using GridCommand.Rules.Geo;
using GridCommand.Rules.Units;

namespace GridCommand.Web.Live;

/// <summary>A unit's new snapshot, with the one it replaced in the live picture (null for a unit new to it).</summary>
public readonly record struct UnitMove(UnitSnapshot? Before, UnitSnapshot After)
{
    /// <summary>
    /// A wall watching <paramref name="box"/> hears of the move when the unit is in the box now or was before: the one
    /// that left it is then drawn no more, instead of standing at the edge.
    /// </summary>
    public bool Touches(GeoBounds box) => IsIn(After, box) || (Before is { } before && IsIn(before, box));

    public static bool IsIn(UnitSnapshot unit, GeoBounds box) =>
        unit is { Lat: { } lat, Lon: { } lon } && box.Contains(new GeoPoint(lat, lon));
}
