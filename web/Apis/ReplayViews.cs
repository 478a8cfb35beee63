using GridCommand.Contracts.Incidents;
using GridCommand.Rules.Tracks;
using GridCommand.Rules.Units;

namespace GridCommand.Web.Apis;

/// <summary>An incident's replay: the incident, its event-log entries in order, and its units' tracks over the window.</summary>
public sealed record IncidentReplay(IncidentView Incident, ReplayWindowView Window, IReadOnlyList<ReplayEvent> Events, IReadOnlyList<UnitTrack> Units);

/// <summary>An area's replay: the units' tracks inside the box in the window, and the incidents opened there then.</summary>
public sealed record AreaReplay(ReplayBox Box, ReplayWindowView Window, IReadOnlyList<IncidentView> Incidents, IReadOnlyList<UnitTrack> Units);

public sealed record ReplayWindowView(DateTimeOffset From, DateTimeOffset To);

public sealed record ReplayBox(double South, double West, double North, double East);

/// <summary>One entry of the event log: when, who, what, and its data.</summary>
public sealed record ReplayEvent(long Seq, DateTimeOffset At, string Who, string What, string? Data);

/// <summary>A unit's track, oldest point first. Name and kind are null for a unit this node does not know (yet).</summary>
public sealed record UnitTrack(string UnitId, string? Name, UnitKind? Kind, IReadOnlyList<TrackPointView> Points);

public sealed record TrackPointView(DateTimeOffset At, double Lat, double Lon, DutyStatus Status)
{
    public static TrackPointView Of(TrackPoint p) => new(p.At, Math.Round(p.Lat, 5), Math.Round(p.Lon, 5), p.Status);
}
