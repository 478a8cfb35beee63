using GridCommand.Rules.Units;

namespace GridCommand.Rules.Dispatch;

/// <summary>One ranked candidate and why: its kind, distance, ETA and how old its fix is.</summary>
public sealed record Recommendation(string UnitId, UnitKind Kind, string Name, int EtaSeconds, int DistanceMeters, int FixAgeSeconds);
