namespace GridCommand.Rules.Volunteers;

/// <summary>The "Volunteers" section: what a completed order earns (积分), the same for the volunteer and the team.</summary>
public sealed class VolunteerSettings
{
    public int PointsPerOrder { get; set; } = 10;
}
