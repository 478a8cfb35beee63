using GridCommand.Rules.Geo;
using GridCommand.Rules.Units;

namespace GridCommand.Rules.Volunteers;

/// <summary>
/// A volunteer order (龙城众队 接单): an incident, a radius and a note, published to the volunteers in range; the first
/// volunteer to claim it gets it, its completion credits points once. The rules of each step; the grain applies them.
/// </summary>
public sealed class VolunteerOrderState
{
    public string IncidentId { get; set; } = "";
    public string IncidentType { get; set; } = "";
    public string? Address { get; set; }
    public double Lat { get; set; }
    public double Lon { get; set; }
    public int RadiusMeters { get; set; }
    public string? Note { get; set; }
    public string PublishedBy { get; set; } = "";
    public DateTimeOffset PublishedAt { get; set; }
    /// <summary>The volunteers in range when it was published: they are told when it is taken.</summary>
    public List<string> Notified { get; set; } = [];
    public VolunteerOrderStatus Status { get; set; }
    public string? ClaimedBy { get; set; }
    public string? ClaimedByName { get; set; }
    public string? Team { get; set; }
    /// <summary>The incident's task for the volunteer who claimed it.</summary>
    public string? TaskId { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>Points credited on completion (0 until then).</summary>
    public int Points { get; set; }
    public long Seq { get; set; }

    public bool Published => IncidentId.Length > 0;

    public void Publish(string incidentId, string incidentType, string? address, GeoPoint scene, int radiusMeters, string? note,
        IReadOnlyList<string> notified, DateTimeOffset at, string by)
    {
        (IncidentId, IncidentType, Address, Lat, Lon, RadiusMeters, Note, Notified, PublishedAt, PublishedBy) =
            (incidentId, incidentType, address, scene.Lat, scene.Lon, radiusMeters, note, notified.ToList(), at, by);
        Status = VolunteerOrderStatus.Open;
        Seq++;
    }

    /// <summary>
    /// Whether this unit may claim the order now: a volunteer (other devices 403), within the radius where it stands
    /// now (a volunteer who came into range since publishing may; one out of range 409), while nobody has it (409,
    /// naming who has). A resent claim by the volunteer who has it is no conflict: <see cref="IsClaimedBy"/>.
    /// </summary>
    public Outcome MayClaim(UnitSnapshot unit)
    {
        if (unit.Kind != UnitKind.Volunteer)
            return Outcome.Refuse(RejectionCode.Forbidden, $"Unit {unit.UnitId} is a {unit.Kind}: volunteer orders are for volunteers.");
        if (Status == VolunteerOrderStatus.Claimed || Status == VolunteerOrderStatus.Completed)
            return Outcome.Refuse(RejectionCode.Conflict, $"Already taken by {ClaimedByName} ({ClaimedBy}).");
        if (Status == VolunteerOrderStatus.Cancelled)
            return Outcome.Refuse(RejectionCode.Conflict, "The order was cancelled.");
        if (unit is not { Lat: { } lat, Lon: { } lon })
            return Outcome.Refuse(RejectionCode.Conflict, $"Unit {unit.UnitId} has no position: share it to claim orders.");
        var meters = new GeoPoint(Lat, Lon).DistanceTo(new GeoPoint(lat, lon));
        if (meters > RadiusMeters)
            return Outcome.Refuse(RejectionCode.Conflict, $"You are {meters:0} m away; this order is for volunteers within {RadiusMeters} m.");
        return Outcome.Ok;
    }

    public bool IsClaimedBy(string unitId) => Status is VolunteerOrderStatus.Claimed or VolunteerOrderStatus.Completed && ClaimedBy == unitId;

    public void Claim(UnitSnapshot unit, string? team, string taskId, DateTimeOffset at)
    {
        (ClaimedBy, ClaimedByName, Team, TaskId, ClaimedAt) = (unit.UnitId, unit.Name, team, taskId, at);
        Status = VolunteerOrderStatus.Claimed;
        Seq++;
    }

    /// <summary>Only the volunteer who has it completes it; a resent completion changes nothing.</summary>
    public Outcome MayComplete(string unitId)
    {
        if (ClaimedBy != unitId) return Outcome.Refuse(RejectionCode.Forbidden, $"Order is not {unitId}'s.");
        if (Status is VolunteerOrderStatus.Claimed or VolunteerOrderStatus.Completed) return Outcome.Ok;
        return Outcome.Refuse(RejectionCode.Conflict, $"The order is {Status}.");
    }

    /// <returns>false when it was completed already: credit nothing twice.</returns>
    public bool Complete(int points, DateTimeOffset at)
    {
        if (Status != VolunteerOrderStatus.Claimed) return false;
        Status = VolunteerOrderStatus.Completed;
        (Points, ClosedAt) = (points, at);
        Seq++;
        return true;
    }

    /// <returns>false when it had already ended (completed or cancelled).</returns>
    public bool Cancel(DateTimeOffset at)
    {
        if (Status is VolunteerOrderStatus.Completed or VolunteerOrderStatus.Cancelled) return false;
        Status = VolunteerOrderStatus.Cancelled;
        ClosedAt = at;
        Seq++;
        return true;
    }

    public VolunteerOrder View(string id) => new(id, IncidentId, IncidentType, Address, Lat, Lon, RadiusMeters, Note, Status,
        PublishedBy, PublishedAt, Notified.Count, ClaimedBy, ClaimedByName, Team, TaskId, ClaimedAt, ClosedAt, Points, Seq);
}
