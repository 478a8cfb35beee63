using GridCommand.Contracts;
using GridCommand.Contracts.Volunteers;
using GridCommand.Rules.Volunteers;

namespace GridCommand.Grains.Volunteers;

/// <summary>Every volunteer's and team's points; a credit is saved before it answers, so no completed order is lost.</summary>
public sealed class VolunteerScoresGrain(
    [PersistentState(GrainKinds.VolunteerScores, GrainKinds.Storage)] IPersistentState<VolunteerScores> state, GridServices services)
    : GridGrain<VolunteerScores>(state, services, GrainKinds.VolunteerScores), IVolunteerScoresGrain
{
    public async Task<bool> Credit(string orderId, string unitId, string? team, int points)
    {
        if (!State.Credit(orderId, unitId, team, points)) return false;
        await Save();
        return true;
    }

    public Task<IReadOnlyList<TeamStanding>> Teams() => Task.FromResult(State.Standings());

    public Task<VolunteerStanding> Volunteer(string unitId) => Task.FromResult(State.Of(unitId));
}
