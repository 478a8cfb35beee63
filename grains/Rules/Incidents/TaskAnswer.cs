namespace GridCommand.Rules.Incidents;

/// <summary>What a unit's device may answer to its task.</summary>
public enum TaskAnswer { Accept, Decline, Arrive, Complete }
