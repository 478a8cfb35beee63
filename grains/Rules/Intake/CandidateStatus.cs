namespace GridCommand.Rules.Intake;

/// <summary>A candidate waits for the station officer, who turns it into an incident or dismisses it (kept either way).</summary>
public enum CandidateStatus { Pending, Escalated, Dismissed }
