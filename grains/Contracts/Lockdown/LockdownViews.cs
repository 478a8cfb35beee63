using GridCommand.Rules.Lockdown;
using GridCommand.Rules.Units;

namespace GridCommand.Contracts.Lockdown;

/// <summary>A plan as the plan list shows it: how many points in each ring.</summary>
[GenerateSerializer, Immutable]
public sealed record PlanSummary(string Id, string Name, int Points, int Checkpoints, int City, int Urban, int Core, int Version);

[GenerateSerializer, Immutable]
public sealed record PlanView(string Id, string Name, int Version, DateTimeOffset SavedAt, string By, IReadOnlyList<LockdownPoint> Points);

/// <summary>A point of an activation: where it is, the unit sent to it and its state.</summary>
[GenerateSerializer, Immutable]
public sealed record PointView(
    int N, string PointId, string Name, PointKind Kind, Ring Ring, double Lat, double Lon, PointState State,
    string? TaskId, string? UnitId, string? UnitName, UnitKind? UnitKind, int EtaSeconds, DateTimeOffset? AssignedAt, DateTimeOffset? StaffedAt);

/// <summary>
/// An activation: "active" until stood down; sealed once every point was staffed. The seconds are counted when the
/// view was made (the wall's clock counts on from <see cref="ActivatedAt"/>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ActivationView(
    string Id, string PlanId, string PlanName, string? IncidentId, bool Drill, IReadOnlyList<Ring> Rings, string By,
    DateTimeOffset ActivatedAt, DateTimeOffset? SealedAt, DateTimeOffset? StoodDownAt, bool Active,
    int SinceActivationSeconds, int? TimeToSealSeconds, int Staffed, int EnRoute, int Unstaffed,
    IReadOnlyList<PointView> Points, long Seq);

/// <summary>The views of plans and activations, built alike by the grains and the tests.</summary>
public static class LockdownViews
{
    public static PlanSummary Summary(string id, PlanState s) => new(id, s.Name, s.Points.Count,
        s.Points.Count(p => p.Kind == PointKind.Checkpoint), Count(s, Ring.City), Count(s, Ring.Urban), Count(s, Ring.Core), s.Version);

    public static PlanView Of(string id, PlanState s) => new(id, s.Name, s.Version, s.SavedAt!.Value, s.By, s.Points.ToList());

    public static ActivationView Of(string id, ActivationState s, DateTimeOffset now) => new(id, s.PlanId, s.PlanName, s.IncidentId,
        s.Drill, s.Rings.ToList(), s.By, s.ActivatedAt!.Value, s.SealedAt, s.StoodDownAt, s.IsActive,
        (int)s.SinceActivation(now).TotalSeconds, s.TimeToSeal is { } seal ? (int)seal.TotalSeconds : null,
        s.Posts.Count(p => p.State == PointState.Staffed), s.Posts.Count(p => p.State == PointState.EnRoute),
        s.Posts.Count(p => p.State == PointState.Unstaffed),
        s.Posts.Select(p => new PointView(p.N, p.Point.Id, p.Point.Name, p.Point.Kind, p.Point.Ring, p.Point.Lat, p.Point.Lon, p.State,
            p.UnitId is null ? null : LockdownTaskIds.Of(id, p.N), p.UnitId, p.UnitName, p.UnitKind, p.EtaSeconds, p.AssignedAt, p.StaffedAt)).ToList(),
        s.Seq);

    /// <summary>What a wall screen shows: the points' states, not which crew holds them.</summary>
    public static ActivationView ForScreens(ActivationView v) =>
        v with { Points = v.Points.Select(p => p with { UnitId = null, UnitName = null, TaskId = null }).ToList() };

    private static int Count(PlanState s, Ring ring) => s.Points.Count(p => p.Ring == ring);
}
