using GridCommand.Rules.Cameras;
using GridCommand.Rules.Geo;

namespace GridCommand.Rules.Intake;

/// <summary>One event as the chat groups reported it: every report of it collapsed here, with the groups they came from.</summary>
public sealed class IntakeCandidate
{
    /// <summary>The texts shown: the first few different ones.</summary>
    public const int KeepTexts = 5;

    public string Id { get; set; } = "";
    public MessageClass Class { get; set; }
    public string Type { get; set; } = "other";
    public string CellId { get; set; } = "";
    public List<string> Texts { get; set; } = [];
    public List<string> Matched { get; set; } = [];
    public SortedSet<string> Groups { get; set; } = new(StringComparer.Ordinal);
    public int Reports { get; set; }
    public DateTimeOffset FirstAt { get; set; }
    public DateTimeOffset LastAt { get; set; }
    public CandidateStatus Status { get; set; }
    public string? IncidentId { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    /// <summary>For a camera's alarms: the camera, its place and the priority its alarm kind asks for; null for chat reports.</summary>
    public string? CameraId { get; set; }
    public GeoPoint? Place { get; set; }
    public int? Priority { get; set; }

    public static IntakeCandidate From(string id, ChatReport r)
    {
        var candidate = new IntakeCandidate { Id = id, Class = r.Judgment.Class, Type = r.Judgment.Type, CellId = r.CellId, FirstAt = r.At, LastAt = r.At };
        candidate.Join(r);
        return candidate;
    }

    /// <summary>Whether <paramref name="r"/> reports the same thing: same type, soon after, in the same cell or in like words.</summary>
    public bool IsRepeatedBy(ChatReport r, IntakeSettings settings) =>
        Status == CandidateStatus.Pending && Type == r.Judgment.Type && (r.At - LastAt).Duration() <= settings.CollapseWindow
        && (CellId == r.CellId || Texts.Any(t => TextSimilarity.Of(t, r.Text) >= settings.SimilarText));

    public void Join(ChatReport r)
    {
        Reports++;
        Groups.Add(r.GroupId);
        if (r.At > LastAt) LastAt = r.At;
        if (r.Judgment.Class < Class) Class = r.Judgment.Class;
        if (Texts.Count < KeepTexts && !Texts.Contains(r.Text)) Texts.Add(r.Text);
        Matched.AddRange(r.Judgment.Matched.Where(w => !Matched.Contains(w)));
    }

    /// <summary>A camera's first alarm: the camera's name as its text, the alarm kind as its matched word, the camera as its group.</summary>
    public static IntakeCandidate From(string id, CameraReport r)
    {
        var candidate = new IntakeCandidate
        {
            Id = id, Class = MessageClass.Urgent, Type = r.Type, CellId = r.CellId, FirstAt = r.At, LastAt = r.At, CameraId = r.CameraId,
            Place = r.Place, Priority = r.Priority, Texts = [r.CameraName],
        };
        candidate.Join(r);
        return candidate;
    }

    /// <summary>Whether <paramref name="r"/> is one more alarm of this candidate's camera, soon after its last one.</summary>
    public bool IsRepeatedBy(CameraReport r, TimeSpan window) =>
        Status == CandidateStatus.Pending && CameraId == r.CameraId && (r.At - LastAt).Duration() <= window;

    public void Join(CameraReport r)
    {
        Reports++;
        Groups.Add(r.CameraId);
        if (r.At > LastAt) LastAt = r.At;
        if (!Matched.Contains(r.Kind)) Matched.Add(r.Kind);
        if (r.Priority < Priority) (Priority, Type) = (r.Priority, r.Type);
    }

    public void Decide(CandidateStatus status, string? incidentId, string by, DateTimeOffset now) =>
        (Status, IncidentId, DecidedBy, DecidedAt) = (status, incidentId, by, now);
}
