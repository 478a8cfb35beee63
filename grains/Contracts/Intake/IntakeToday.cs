namespace GridCommand.Contracts.Intake;

/// <summary>The wall's chat-group numbers for the city's day: messages in, candidates queued, candidates turned into incidents.</summary>
[GenerateSerializer, Immutable]
public sealed record IntakeToday(DateOnly Day, int MessagesIn, int Candidates, int Escalated);
