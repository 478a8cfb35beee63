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

    /// <summary>A city's enrolment comes in thousands at once: folded into one save a few seconds later.</summary>
    public Task Enrolled(string unitId, string? team)
    {
        if (State.Enrol(unitId, team)) SaveSoon(TimeSpan.FromSeconds(5));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TeamStanding>> Teams() => Task.FromResult(State.Standings());

    public Task<VolunteerStanding> Volunteer(string unitId) => Task.FromResult(State.Of(unitId));
}
