using GridCommand.Rules.Dispatch;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Units;

namespace GridCommand.Contracts.Incidents;

/// <summary>
/// An incident (警情) and its radio tasks, keyed by its id. Every command is saved before it answers;
/// each throws <see cref="Refusal"/> when the rules say no (not found for an incident never opened).
/// </summary>
public interface IIncidentGrain : ITaskOwnerGrain
{
    /// <summary>Opens the incident; its cell hears of it before this answers. Opening an opened incident answers its view.</summary>
    Task<IncidentView> Open(IncidentOpening opening);

    /// <summary>Another report of this incident: counted, never dispatched twice.</summary>
    Task<IncidentView> RepeatCall(RepeatCallReport report);

    /// <returns>null for an incident never opened.</returns>
    Task<IncidentView?> Get();

    /// <summary>Available units with a fresh fix, fastest first, leaving out those that declined or let the offer lapse.</summary>
    Task<IReadOnlyList<Recommendation>> Recommend(int limit, UnitKind? kind);

    /// <summary>Sends the named unit, or the top recommendation; a retried request id does nothing twice.</summary>
    /// <exception cref="Refusal">409 with the next choice when the named unit was taken meanwhile</exception>
    Task<TaskAssigned> Dispatch(DispatchOrder order);

    /// <summary>A dispatcher cancels a task, or reassigns it to the named or the next unit.</summary>
    Task<IncidentView> Withdraw(Withdrawal withdrawal);

    /// <summary>From a volunteer order: the volunteer who claimed it joins with a task already accepted (it never lapses).</summary>
    /// <exception cref="Refusal">409 when the incident is no longer open, or the volunteer is busy, off duty or without a fresh fix</exception>
    Task<TaskAssigned> Enlist(string unitId, string orderId);

    Task<IncidentView> Close(string resolution, string by);
}
