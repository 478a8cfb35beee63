using GridCommand.Rules.Intake;

namespace GridCommand.Contracts.Intake;

/// <summary>A candidate as the station's queue shows it; a camera's alarms carry the camera and its place.</summary>
[GenerateSerializer, Immutable]
public sealed record CandidateView(
    string Id, string StationId, MessageClass Class, string Type, string CellId, IReadOnlyList<string> Texts, IReadOnlyList<string> Matched,
    IReadOnlyList<string> Groups, int Reports, DateTimeOffset FirstAt, DateTimeOffset LastAt, CandidateStatus Status, string? IncidentId,
    string? DecidedBy, DateTimeOffset? DecidedAt, string? CameraId = null, double? Lat = null, double? Lon = null)
{
    public static CandidateView Of(string stationId, IntakeCandidate c) => new(c.Id, stationId, c.Class, c.Type, c.CellId, c.Texts.ToList(),
        c.Matched.ToList(), c.Groups.ToList(), c.Reports, c.FirstAt, c.LastAt, c.Status, c.IncidentId, c.DecidedBy, c.DecidedAt,
        c.CameraId, c.Place?.Lat, c.Place?.Lon);
}
