using GridCommand.Rules.Units;

namespace GridCommand.Rules.Checkins;

/// <summary>
/// A unit's field check-in (微警通打卡): where and when it stopped, visited or inspected, in which cell, for which
/// station (the unit's), with a note; <see cref="PhotoType"/> is the photo's media type, null when it sent none.
/// </summary>
public sealed record Checkin(
    string Id,
    string UnitId,
    string UnitName,
    UnitKind UnitKind,
    string? StationId,
    string CellId,
    CheckinCategory Category,
    string? Note,
    double Lat,
    double Lon,
    DateTimeOffset At,
    string? PhotoType = null)
{
    /// <summary>The same check-in for a screen that may not read what the crew wrote (the wall).</summary>
    public Checkin WithoutNote() => this with { Note = null };
}
