using GridCommand.Rules;
using GridCommand.Rules.Dispatch;

namespace GridCommand.Contracts;

/// <summary>
/// A command a grain's rules refused, with a message a person can read; the web answers it as
/// problem+json (404, 409, 403 or 400). Anything else a grain throws is a fault, not a refusal.
/// </summary>
/// <param name="nextChoice">for a dispatch that lost a race: the unit to try instead</param>
[GenerateSerializer]
public sealed class Refusal(RejectionCode code, string message, Recommendation? nextChoice = null) : Exception(message)
{
    [Id(0)] public RejectionCode Code { get; } = code;

    [Id(1)] public Recommendation? NextChoice { get; } = nextChoice;

    public static Refusal NotFound(string message) => new(RejectionCode.NotFound, message);

    public static Refusal Conflict(string message) => new(RejectionCode.Conflict, message);

    /// <summary>Throws when the rule said no.</summary>
    public static void ThrowIfRefused(Outcome outcome)
    {
        if (!outcome.IsOk) throw new Refusal(outcome.Code!.Value, outcome.Message!);
    }
}
