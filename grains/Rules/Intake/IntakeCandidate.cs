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

    public void Decide(CandidateStatus status, string? incidentId, string by, DateTimeOffset now) =>
        (Status, IncidentId, DecidedBy, DecidedAt) = (status, incidentId, by, now);
}
