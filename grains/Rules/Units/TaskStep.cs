namespace GridCommand.Rules.Units;

/// <summary>How an incident moves its unit's task on: accepted, arrived, or over (completed, declined, withdrawn).</summary>
public enum TaskStep { Accept, Arrive, Release }
