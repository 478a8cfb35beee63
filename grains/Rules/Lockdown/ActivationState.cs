using GridCommand.Rules.Geo;
using GridCommand.Rules.Units;

namespace GridCommand.Rules.Lockdown;

/// <summary>
/// A plan put into action (for an incident, or as a drill): every point of the chosen rings, the unit sent to it and
/// its state. Sealed (封控完成) once every point is staffed; stood down releases every unit.
/// </summary>
public sealed class ActivationState
{
    /// <summary>A unit whose fix is within this of its point holds it.</summary>
    public const double StaffedWithinMeters = 50;

    public string PlanId { get; set; } = "";
    public string PlanName { get; set; } = "";
    public string? IncidentId { get; set; }
    public bool Drill { get; set; }
    public List<Ring> Rings { get; set; } = [];
    public string By { get; set; } = "";
    public DateTimeOffset? ActivatedAt { get; set; }
    public DateTimeOffset? SealedAt { get; set; }
    public DateTimeOffset? StoodDownAt { get; set; }
    public string? StoodDownBy { get; set; }
    /// <summary>The units of the incident, left alone.</summary>
    public List<string> IncidentUnits { get; set; } = [];
    public List<PointPost> Posts { get; set; } = [];
    public long Seq { get; set; }

    public bool Activated => ActivatedAt is not null;

    public bool IsActive => Activated && StoodDownAt is null;

    public void Activate(string planId, string planName, IEnumerable<LockdownPoint> points, ISet<Ring> rings, string? incidentId,
        IEnumerable<string> incidentUnits, bool drill, DateTimeOffset now, string by)
    {
        (PlanId, PlanName, IncidentId, Drill, ActivatedAt, By) = (planId, planName, incidentId, drill, now, by);
        Rings = rings.Order().ToList();
        IncidentUnits = incidentUnits.ToList();
        Posts = points.Where(p => rings.Contains(p.Ring)).Select((p, i) => new PointPost { N = i + 1, Point = p }).ToList();
        Seq++;
    }

    public PointPost? Post(int n) => n >= 1 && n <= Posts.Count ? Posts[n - 1] : null;

    public IEnumerable<PointPost> Unstaffed => Posts.Where(p => p.State == PointState.Unstaffed);

    /// <summary>The units holding or sent to a point, and the incident's: not to be given another point.</summary>
    public HashSet<string> UnitsNotToAsk() =>
        [.. IncidentUnits, .. Posts.Where(p => p.UnitId is not null).Select(p => p.UnitId!)];

    public void Assign(int n, UnitSnapshot unit, int etaSeconds, DateTimeOffset now)
    {
        var post = Post(n)!;
        (post.State, post.UnitId, post.UnitName, post.UnitKind, post.EtaSeconds, post.Accepted, post.AssignedAt, post.StaffedAt) =
            (PointState.EnRoute, unit.UnitId, unit.Name, unit.Kind, etaSeconds, false, now, null);
        Seq++;
    }

    /// <summary>The point's own unit said it is on its way; refused for any other unit, or once stood down.</summary>
    public Outcome Accept(int n, string unitId)
    {
        if (OwnPost(n, unitId, out var post) is { IsOk: false } refused) return refused;
        if (post!.Accepted) return Outcome.Ok;
        post.Accepted = true;
        Seq++;
        return Outcome.Ok;
    }

    /// <summary>The unit is at its point (by its fix, or by its own word): the point is staffed; the last one seals the plan.</summary>
    public Outcome Staff(int n, string unitId, DateTimeOffset now)
    {
        if (OwnPost(n, unitId, out var post) is { IsOk: false } refused) return refused;
        if (post!.State == PointState.Staffed) return Outcome.Ok;
        (post.State, post.Accepted, post.StaffedAt) = (PointState.Staffed, true, now);
        if (SealedAt is null && Posts.All(p => p.State == PointState.Staffed)) SealedAt = now;
        Seq++;
        return Outcome.Ok;
    }

    /// <summary>The unit declined the point or let the offer lapse: the point is open again, and not for that unit.</summary>
    public Outcome Free(int n, string unitId)
    {
        if (OwnPost(n, unitId, out var post) is { IsOk: false } refused) return refused;
        if (post!.State == PointState.Staffed)
            return Outcome.Refuse(RejectionCode.Conflict, $"Point {post.Point.Name} is staffed: it is held until the plan stands down.");
        post.Refused.Add(unitId);
        (post.State, post.UnitId, post.UnitName, post.UnitKind, post.EtaSeconds, post.Accepted, post.AssignedAt) =
            (PointState.Unstaffed, null, null, null, 0, false, null);
        Seq++;
        return Outcome.Ok;
    }

    /// <summary>Offers given longer ago than <paramref name="timeout"/> and neither accepted nor staffed.</summary>
    public IEnumerable<PointPost> Lapsed(DateTimeOffset now, TimeSpan timeout) =>
        Posts.Where(p => p is { State: PointState.EnRoute, Accepted: false } && now - p.AssignedAt >= timeout);

    /// <summary>Whether a fix at <paramref name="at"/> holds the point.</summary>
    public static bool Reaches(PointPost post, GeoPoint at) =>
        at.DistanceTo(new GeoPoint(post.Point.Lat, post.Point.Lon)) <= StaffedWithinMeters;

    /// <returns>the posts whose units are to be released</returns>
    public Outcome StandDown(DateTimeOffset now, string by, out List<PointPost> released)
    {
        released = [];
        if (!Activated) return Outcome.Refuse(RejectionCode.NotFound, "No such activation.");
        if (StoodDownAt is not null) return Outcome.Refuse(RejectionCode.Conflict, $"The plan stood down at {StoodDownAt:u}.");
        released = Posts.Where(p => p.UnitId is not null).ToList();
        (StoodDownAt, StoodDownBy) = (now, by);
        Seq++;
        return Outcome.Ok;
    }

    public TimeSpan SinceActivation(DateTimeOffset now) => (StoodDownAt ?? now) - ActivatedAt!.Value;

    /// <summary>From activation until every point was staffed; null until then.</summary>
    public TimeSpan? TimeToSeal => SealedAt - ActivatedAt;

    private Outcome OwnPost(int n, string unitId, out PointPost? post)
    {
        post = Post(n);
        if (post is null) return Outcome.Refuse(RejectionCode.NotFound, $"No point {n} in this activation.");
        if (StoodDownAt is not null) return Outcome.Refuse(RejectionCode.Conflict, "The plan stood down: the task is over.");
        return post.UnitId == unitId ? Outcome.Ok
            : Outcome.Refuse(RejectionCode.Forbidden, $"Point {post.Point.Name} is not unit {unitId}'s task.");
    }
}
