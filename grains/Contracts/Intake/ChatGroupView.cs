namespace GridCommand.Contracts.Intake;

[GenerateSerializer, Immutable]
public sealed record ChatGroupView(string GroupId, string CellId, string Name);
