using GridCommand.Rules.Units;

namespace GridCommand.Rules.Incidents;

/// <summary>The unit a dispatch goes to, as the recommendation or the dispatcher named it.</summary>
public sealed record DispatchTarget(string UnitId, string Name, UnitKind Kind, int EtaSeconds);
