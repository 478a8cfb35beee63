namespace GridCommand.Rules.Volunteers;

/// <summary>Open until a volunteer claims it; claimed until that volunteer completes it, or the dispatcher cancels it.</summary>
public enum VolunteerOrderStatus { Open, Claimed, Completed, Cancelled }
