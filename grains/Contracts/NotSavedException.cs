namespace GridCommand.Contracts;

/// <summary>
/// A grain could not save a change (its database failed or is out of reach): nothing was changed, the
/// grain starts afresh from its stored state, and the caller may retry. Carries no database error text.
/// </summary>
[GenerateSerializer]
public sealed class NotSavedException(string grain) : Exception($"{grain} could not be saved; nothing was changed. Please retry.");
