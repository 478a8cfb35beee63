namespace GridCommand.Rules;

/// <summary>Why a command was refused; the web maps each to an HTTP status.</summary>
public enum RejectionCode { Invalid, NotFound, Conflict, Forbidden }

/// <summary>The answer of a rule: done, or refused with a code and a message a person can read.</summary>
public sealed record Outcome(RejectionCode? Code, string? Message)
{
    public static readonly Outcome Ok = new(null, null);

    public bool IsOk => Code is null;

    public static Outcome Refuse(RejectionCode code, string message) => new(code, message);
}
