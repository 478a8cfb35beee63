using GridCommand.Rules.Units;

namespace GridCommand.Contracts.Units;

/// <summary>A unit as staff see it (never its device key).</summary>
[GenerateSerializer, Immutable]
public sealed record UnitView(UnitSnapshot Unit, string? PostName, string? Team, double? SpeedKmh, double? AccuracyM)
{
    public static UnitView Of(UnitState s) => new(s.Snapshot(), s.PostName, s.Team, s.LastFix?.SpeedKmh, s.LastFix?.AccuracyM);
}
