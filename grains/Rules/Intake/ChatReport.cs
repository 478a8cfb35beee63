namespace GridCommand.Rules.Intake;

/// <summary>A judged chat message on its way to the station covering its cell.</summary>
public sealed record ChatReport(string GroupId, string CellId, string Sender, string Text, DateTimeOffset At, Judgment Judgment);
