namespace GridCommand.Rules.Intake;

/// <summary>What pre-judgment makes of a chat message: an incident candidate, a service request, or nothing for the police.</summary>
public enum MessageClass { Urgent, Service, Noise }
