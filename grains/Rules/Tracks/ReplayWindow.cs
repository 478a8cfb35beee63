using GridCommand.Rules.Geo;

namespace GridCommand.Rules.Tracks;

/// <summary>The time span a replay covers, and the limits that keep an area replay's answer to a size a page can play.</summary>
public sealed record ReplayWindow(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>An incident's replay starts this long before it was opened: where its units were when the call came.</summary>
    public static readonly TimeSpan IncidentLead = TimeSpan.FromMinutes(5);

    /// <summary>
    /// An incident's replay goes on this long after its close: its units leaving the scene. A unit's return is stamped
    /// when the unit hears of it, a moment after the task's end, which may well be after the close.
    /// </summary>
    public static readonly TimeSpan IncidentTail = TimeSpan.FromMinutes(1);

    /// <summary>An incident open longer than this is replayed over its first this-long only.</summary>
    public static readonly TimeSpan LongestIncident = TimeSpan.FromHours(24);

    public static readonly TimeSpan LongestArea = TimeSpan.FromMinutes(30);

    /// <summary>About 11 km: a district or two.</summary>
    public const double WidestAreaDegrees = 0.1;

    public TimeSpan Length => To - From;

    public bool Contains(DateTimeOffset at) => at >= From && at <= To;

    /// <summary>From a few minutes before the incident opened to a minute after its close (or now, if sooner), or now while it is open.</summary>
    public static ReplayWindow ForIncident(DateTimeOffset openedAt, DateTimeOffset? closedAt, DateTimeOffset now)
    {
        var from = openedAt - IncidentLead;
        var end = closedAt is { } closed ? Min(closed + IncidentTail, now > closed ? now : closed) : now;
        if (end < openedAt) end = openedAt;
        return new ReplayWindow(from, end - openedAt > LongestIncident ? openedAt + LongestIncident : end);
    }

    /// <returns>what is too big or backwards in an area replay's (well-formed) box and window, or null when it may be replayed.</returns>
    public static string? CheckArea(GeoBounds box, DateTimeOffset from, DateTimeOffset to)
    {
        if (box.North - box.South > WidestAreaDegrees || box.East - box.West > WidestAreaDegrees)
            return $"The box may span at most {WidestAreaDegrees}° each way (about a district); zoom in.";
        if (to <= from) return "to must be after from.";
        if (to - from > LongestArea) return $"The window may be at most {LongestArea.TotalMinutes:0} minutes long.";
        return null;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
