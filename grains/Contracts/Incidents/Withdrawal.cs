namespace GridCommand.Contracts.Incidents;

/// <param name="Reassign">give the task to <paramref name="UnitId"/>, or to the next recommended unit, instead</param>
[GenerateSerializer, Immutable]
public sealed record Withdrawal(string TaskId, string? Reason, bool Reassign, string? UnitId, string By);
