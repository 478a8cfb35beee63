using GridCommand.Rules.Incidents;
using GridCommand.Rules.Units;

namespace GridCommand.Rules.Performance;

/// <summary>
/// The structured line an incident leaves in the event log for the stations' performance (its data, as the rules'
/// JSON): once when it is reported (<see cref="Received"/>) and once when it first stops being open — resolved,
/// closed or diverted (<see cref="Ended"/>).
/// </summary>
/// <param name="FirstOnSceneKind">the kind of the unit whose task reached the scene first</param>
public sealed record IncidentRecord(
    string? StationId,
    string? CellId,
    string Type,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FirstDispatchAt,
    DateTimeOffset? FirstOnSceneAt,
    UnitKind? FirstOnSceneKind,
    int ReportCount,
    IncidentStatus Status,
    string? DivertedTo,
    DateTimeOffset? ClosedAt)
{
    public const string Received = "incident.received";
    public const string Ended = "incident.outcome";

    /// <summary>Whether an event-log line is one of these records (data for reports, not a step a person took).</summary>
    public static bool IsRecord(string what) => what is Received or Ended;

    public static IncidentRecord Of(IncidentState s) => new(
        s.StationId, s.CellId, s.Type, s.CreatedAt, s.FirstDispatchAt, s.FirstOnSceneAt,
        s.Tasks.Where(t => t.ArrivedAt is not null).MinBy(t => t.ArrivedAt)?.UnitKind,
        s.ReportCount, s.Status, s.DivertedTo, s.ClosedAt);

    public bool IsPoliceMatter => IncidentMeasures.IsPoliceMatter(Status, DivertedTo);

    /// <summary>First dispatch to first on scene, the KPIs' response time; null until both happened.</summary>
    public double? ResponseSeconds => FirstDispatchAt is { } sent && FirstOnSceneAt is { } there ? (there - sent).TotalSeconds : null;

    /// <summary>The "half-minute circle" (半分钟助警圈): a guard or a volunteer was there first.</summary>
    public bool FirstReachedByNeighbours => FirstOnSceneKind is UnitKind.Guard or UnitKind.Volunteer;
}
