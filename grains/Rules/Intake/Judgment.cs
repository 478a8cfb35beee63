namespace GridCommand.Rules.Intake;

/// <summary>What pre-judgment made of a message: its class, the incident type it suggests and the words that decided it.</summary>
public sealed record Judgment(MessageClass Class, string Type, IReadOnlyList<string> Matched)
{
    public static readonly Judgment Noise = new(MessageClass.Noise, "other", []);
}
