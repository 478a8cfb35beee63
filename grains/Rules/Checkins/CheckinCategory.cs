namespace GridCommand.Rules.Checkins;

/// <summary>What a unit checked in for (打卡): a stop on its patrol, a visit to someone, or an inspection of a place.</summary>
public enum CheckinCategory
{
    PatrolStop,
    Visit,
    Inspection,
}
