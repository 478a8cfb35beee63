using GridCommand.Rules.Intake;

namespace GridCommand.Contracts.Intake;

/// <summary>
/// What became of a message: its class and matched words, and for one worth an officer's look the station and the
/// candidate it went to. <see cref="StationId"/> is null when the group's cell is unknown or no station covers it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ChatVerdict(MessageClass Class, string Type, IReadOnlyList<string> Matched, string? CellId, string? StationId,
    string? CandidateId, int? Reports);
