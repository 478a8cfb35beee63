using GridCommand.Rules.Intake;

namespace GridCommand.Contracts.Intake;

/// <summary>A candidate as the station's queue shows it.</summary>
[GenerateSerializer, Immutable]
public sealed record CandidateView(
    string Id, string StationId, MessageClass Class, string Type, string CellId, IReadOnlyList<string> Texts, IReadOnlyList<string> Matched,
    IReadOnlyList<string> Groups, int Reports, DateTimeOffset FirstAt, DateTimeOffset LastAt, CandidateStatus Status, string? IncidentId,
    string? DecidedBy, DateTimeOffset? DecidedAt)
{
    public static CandidateView Of(string stationId, IntakeCandidate c) => new(c.Id, stationId, c.Class, c.Type, c.CellId, c.Texts.ToList(),
        c.Matched.ToList(), c.Groups.ToList(), c.Reports, c.FirstAt, c.LastAt, c.Status, c.IncidentId, c.DecidedBy, c.DecidedAt);
}
