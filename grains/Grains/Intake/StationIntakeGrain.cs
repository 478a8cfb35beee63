using GridCommand.Contracts;
using GridCommand.Contracts.Intake;
using GridCommand.Rules.Cameras;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Intake;

namespace GridCommand.Grains.Intake;

/// <summary>
/// A station's chat-group queue. A new candidate is saved at once, with its entry in the event log; a further report
/// of it is folded into a save a few seconds later, so a burst of messages about one fire costs one write.
/// </summary>
public sealed class StationIntakeGrain(
    [PersistentState(GrainKinds.StationIntake, GrainKinds.Storage)] IPersistentState<IntakeQueue> state,
    GridServices services, IntakeSettings settings, CameraSettings cameras)
    : GridGrain<IntakeQueue>(state, services, GrainKinds.StationIntake), IStationIntakeGrain
{
    private static readonly TimeSpan FoldReportsFor = TimeSpan.FromSeconds(3);
    /// <summary>As long as a description typed into the console may be.</summary>
    private const int MaxDescription = 2000;

    public async Task<CandidateView> Add(ChatReport report)
    {
        var (candidate, created) = State.Add(Id, report, settings);
        if (created) await Save("intake.candidate", $"chat:{report.GroupId}", candidate.Id);
        else SaveSoon(FoldReportsFor);
        Counts().Count(1, created ? 1 : 0, 0).Ignore();
        return CandidateView.Of(Id, candidate);
    }

    /// <summary>Like a chat report, but counted nowhere: today's chat figures are the chat groups'.</summary>
    public async Task<CandidateView> AddCameraAlarm(CameraReport report)
    {
        var (candidate, created) = State.Add(Id, report, cameras.CollapseWindow, settings);
        if (created) await Save("intake.candidate", $"camera:{report.CameraId}", candidate.Id);
        else SaveSoon(FoldReportsFor);
        return CandidateView.Of(Id, candidate);
    }

    public Task<IReadOnlyList<CandidateView>> List() =>
        Task.FromResult<IReadOnlyList<CandidateView>>(State.Listed().Select(c => CandidateView.Of(Id, c)).ToList());

    public async Task<CandidateView> Escalate(string candidateId, string by)
    {
        var candidate = Find(candidateId);
        if (candidate.Status == CandidateStatus.Escalated) return CandidateView.Of(Id, candidate);
        Refusal.ThrowIfRefused(IntakeQueue.MayDecide(candidate));
        var intake = await Grains.GetGrain<IIntakeGrain>(CityKeys.City).Report(Prefilled(candidate, by));
        candidate.Decide(CandidateStatus.Escalated, intake.Incident.Id, by, Runtime.Now);
        await Save("intake.escalated", by, $"{candidate.Id} {intake.Incident.Id}");
        if (candidate.CameraId is null) Counts().Count(0, 0, 1).Ignore();
        return CandidateView.Of(Id, candidate);
    }

    public async Task<CandidateView> Dismiss(string candidateId, string by)
    {
        var candidate = Find(candidateId);
        if (candidate.Status == CandidateStatus.Dismissed) return CandidateView.Of(Id, candidate);
        Refusal.ThrowIfRefused(IntakeQueue.MayDecide(candidate));
        candidate.Decide(CandidateStatus.Dismissed, null, by, Runtime.Now);
        await Save("intake.dismissed", by, candidate.Id);
        return CandidateView.Of(Id, candidate);
    }

    private IntakeCandidate Find(string candidateId) =>
        State.Find(candidateId) ?? throw Refusal.NotFound($"No intake candidate {candidateId}.");

    /// <summary>
    /// The incident as the candidate suggests it, at its cell's centre (a camera's: at the camera, with its alarm's priority); its
    /// request id makes a second click the same incident, and the city's intake merges it into an open incident it repeats.
    /// </summary>
    private IncidentReport Prefilled(IntakeCandidate c, string by)
    {
        var type = IncidentTypes.Find(c.Type) ?? IncidentTypes.Find("other")!;
        var cell = Runtime.Grid.Find(c.CellId)!; // a candidate's cell was checked against the layout when its report came in
        var camera = c.CameraId is not null;
        var description = $"[{string.Join(" ", c.Matched)}] {string.Join(" / ", c.Texts)} ({c.Reports}×, {string.Join(", ", c.Groups)})";
        return new IncidentReport(type, c.Priority ?? type.DefaultPriority, c.Place ?? cell.Centre, camera ? c.Texts[0] : cell.Name,
            description[..Math.Min(description.Length, MaxDescription)], camera ? IncidentSource.Camera : IncidentSource.Chat,
            $"{(camera ? "camera" : "chat")}-{c.Id}", Divert: true, by);
    }

    private IIntakeCountsGrain Counts() => Grains.GetGrain<IIntakeCountsGrain>(CityKeys.City);
}
