namespace GridCommand.Rules.Intake;

/// <summary>
/// A word (or, in the pattern list, a regular expression) that marks a message: its class and the incident type it
/// suggests. A term of class noise takes a default word out of the dictionary.
/// </summary>
public sealed class IntakeTerm
{
    public string Word { get; set; } = "";
    public MessageClass Class { get; set; } = MessageClass.Urgent;
    public string Type { get; set; } = "other";

    public static IntakeTerm Of(string word, MessageClass cls, string type) => new() { Word = word, Class = cls, Type = type };
}
