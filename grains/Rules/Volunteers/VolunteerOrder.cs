using GridCommand.Rules.Geo;

namespace GridCommand.Rules.Volunteers;

/// <summary>A volunteer order as the console, the board and the phones see it.</summary>
public sealed record VolunteerOrder(
    string Id,
    string IncidentId,
    string IncidentType,
    string? Address,
    double Lat,
    double Lon,
    int RadiusMeters,
    string? Note,
    VolunteerOrderStatus Status,
    string PublishedBy,
    DateTimeOffset PublishedAt,
    int Notified,
    string? ClaimedBy,
    string? ClaimedByName,
    string? Team,
    string? TaskId,
    DateTimeOffset? ClaimedAt,
    DateTimeOffset? ClosedAt,
    int Points,
    long Seq)
{
    public bool IsOpen => Status == VolunteerOrderStatus.Open;

    /// <summary>Completed or cancelled: nothing more happens to it.</summary>
    public bool IsEnded => Status is VolunteerOrderStatus.Completed or VolunteerOrderStatus.Cancelled;

    public double DistanceTo(GeoPoint where) => new GeoPoint(Lat, Lon).DistanceTo(where);

    public bool Reaches(GeoPoint where) => DistanceTo(where) <= RadiusMeters;
}
