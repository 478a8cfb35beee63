using GridCommand.Contracts;
using GridCommand.Contracts.Intake;
using GridCommand.Rules.Intake;

namespace GridCommand.Grains.Intake;

/// <summary>Today's chat-group numbers for the wall: counted as messages come in, saved every few seconds, not per message.</summary>
public sealed class IntakeCountsGrain(
    [PersistentState(GrainKinds.IntakeCounts, GrainKinds.Storage)] IPersistentState<IntakeDay> state, GridServices services)
    : GridGrain<IntakeDay>(state, services, GrainKinds.IntakeCounts), IIntakeCountsGrain
{
    private static readonly TimeSpan SaveWithin = TimeSpan.FromSeconds(5);

    public Task Count(int messages, int candidates, int escalated)
    {
        State.Count(Runtime.City.Today(Runtime.Now), messages, candidates, escalated);
        SaveSoon(SaveWithin);
        return Task.CompletedTask;
    }

    public Task<IntakeToday> Today()
    {
        State.RollTo(Runtime.City.Today(Runtime.Now));
        return Task.FromResult(new IntakeToday(State.Day, State.MessagesIn, State.Candidates, State.Escalated));
    }
}
