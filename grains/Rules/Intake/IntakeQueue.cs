using GridCommand.Rules.Cameras;

namespace GridCommand.Rules.Intake;

/// <summary>A station's chat-group intake queue: candidates waiting for an officer, and the recently decided ones.</summary>
public sealed class IntakeQueue
{
    public List<IntakeCandidate> Candidates { get; set; } = [];
    public int Issued { get; set; }

    /// <returns>the candidate the report made or joined, and whether it is new.</returns>
    public (IntakeCandidate Candidate, bool Created) Add(string stationId, ChatReport r, IntakeSettings settings) =>
        Add(c => c.IsRepeatedBy(r, settings), c => c.Join(r), id => IntakeCandidate.From(id, r), stationId, settings);

    /// <returns>the candidate the camera's alarm made or joined (its alarms within <paramref name="window"/>), and whether it is new.</returns>
    public (IntakeCandidate Candidate, bool Created) Add(string stationId, CameraReport r, TimeSpan window, IntakeSettings settings) =>
        Add(c => c.IsRepeatedBy(r, window), c => c.Join(r), id => IntakeCandidate.From(id, r), stationId, settings);

    private (IntakeCandidate Candidate, bool Created) Add(Func<IntakeCandidate, bool> repeats, Action<IntakeCandidate> join,
        Func<string, IntakeCandidate> create, string stationId, IntakeSettings settings)
    {
        if (Candidates.FirstOrDefault(repeats) is { } repeated)
        {
            join(repeated);
            return (repeated, false);
        }
        var candidate = create(IntakeIds.Candidate(stationId, ++Issued));
        Candidates.Add(candidate);
        Forget(CandidateStatus.Pending, settings.KeepPending);
        Forget(CandidateStatus.Escalated, settings.KeepDecided);
        Forget(CandidateStatus.Dismissed, settings.KeepDecided);
        return (candidate, true);
    }

    public IntakeCandidate? Find(string id) => Candidates.FirstOrDefault(c => c.Id == id);

    /// <summary>Waiting ones first, urgent before service, newest report first.</summary>
    public IEnumerable<IntakeCandidate> Listed() =>
        Candidates.OrderBy(c => c.Status).ThenBy(c => c.Class).ThenByDescending(c => c.LastAt);

    /// <summary>A candidate is decided once: turned into an incident or dismissed, not the one after the other.</summary>
    public static Outcome MayDecide(IntakeCandidate candidate) =>
        candidate.Status == CandidateStatus.Pending ? Outcome.Ok
            : Outcome.Refuse(RejectionCode.Conflict, $"Candidate {candidate.Id} was {candidate.Status.ToString().ToLowerInvariant()} already.");

    /// <summary>Keeps the <paramref name="keep"/> latest candidates with <paramref name="status"/>.</summary>
    private void Forget(CandidateStatus status, int keep)
    {
        var old = Candidates.Where(c => c.Status == status).OrderByDescending(c => c.DecidedAt ?? c.LastAt).Skip(keep).ToHashSet();
        if (old.Count > 0) Candidates.RemoveAll(old.Contains);
    }
}
