using GridCommand.Rules.Volunteers;

namespace GridCommand.Contracts.Volunteers;

/// <summary>The points (积分) of every volunteer and team (one, keyed "city"): the console's leaderboard.</summary>
public interface IVolunteerScoresGrain : IGrainWithStringKey
{
    /// <returns>false when the order was credited already (nothing changes).</returns>
    Task<bool> Credit(string orderId, string unitId, string? team, int points);

    /// <summary>From a unit's enrolment: the volunteer's team now (null: no team, or no longer a volunteer).</summary>
    [OneWay]
    Task Enrolled(string unitId, string? team);

    /// <summary>Every team with members or points, most points first.</summary>
    Task<IReadOnlyList<TeamStanding>> Teams();

    Task<VolunteerStanding> Volunteer(string unitId);
}
