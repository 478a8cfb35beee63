namespace GridCommand.Contracts;

/// <summary>The grains' state names: the grain type of their rows in storage, and the kind in the event log.</summary>
public static class GrainKinds
{
    public const string Unit = "unit";
    public const string Cell = "cell";
    public const string Station = "station";
    public const string Incident = "incident";
    public const string Revocations = "revocations";
    public const string LockdownCatalogue = "lockdown-catalogue";
    public const string LockdownPlan = "lockdown-plan";
    public const string LockdownActivation = "lockdown-activation";
    public const string ChatGroup = "chat-group";
    public const string StationIntake = "station-intake";
    public const string IntakeCounts = "intake-counts";
    public const string VolunteerOrder = "volunteer-order";
    public const string VolunteerBoard = "volunteer-board";
    public const string VolunteerScores = "volunteer-scores";
    public const string Camera = "camera";

    /// <summary>The one storage provider every grain's state goes through.</summary>
    public const string Storage = "grid";
}
