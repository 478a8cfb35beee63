using GridCommand.Rules.Volunteers;

namespace GridCommand.Contracts.Volunteers;

/// <summary>The points (积分) of every volunteer and team (one, keyed "city"): the console's leaderboard.</summary>
public interface IVolunteerScoresGrain : IGrainWithStringKey
{
    /// <returns>false when the order was credited already (nothing changes).</returns>
    Task<bool> Credit(string orderId, string unitId, string? team, int points);

    Task<IReadOnlyList<TeamStanding>> Teams();

    Task<VolunteerStanding> Volunteer(string unitId);
}
