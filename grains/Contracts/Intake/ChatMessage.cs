namespace GridCommand.Contracts.Intake;

/// <summary>A message a connector read in a chat group, already validated; <see cref="CellId"/> overrides the group's registered cell.</summary>
[GenerateSerializer, Immutable]
public sealed record ChatMessage(string GroupId, string? CellId, string Sender, string Text, DateTimeOffset At);
