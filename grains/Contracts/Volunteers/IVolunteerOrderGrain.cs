using GridCommand.Rules.Volunteers;

namespace GridCommand.Contracts.Volunteers;

/// <summary>
/// One volunteer order (龙城众队 接单+派单), keyed by its id. Its turns run one at a time, so of many volunteers
/// claiming at once exactly one gets it; the others are refused (409, naming who has it). Saved before it answers.
/// </summary>
public interface IVolunteerOrderGrain : IGrainWithStringKey
{
    /// <exception cref="Refusal">404 for an unknown incident, 409 for one closed or diverted, or an order already published</exception>
    Task<VolunteerOrder> Publish(VolunteerOrderPublication publication);

    /// <summary>The first volunteer gets the order, and a task of the incident already accepted; a resent claim answers the same.</summary>
    /// <exception cref="Refusal">403 for a unit that is no volunteer; 409 when taken, cancelled, out of range or the volunteer is busy</exception>
    Task<VolunteerOrder> Claim(string unitId);

    /// <summary>The volunteer who has it is done: the incident's task is completed and the points credited, once.</summary>
    Task<VolunteerOrder> Complete(string unitId, string? note);

    /// <summary>A dispatcher withdraws the order (and the volunteer's task, if claimed).</summary>
    Task<VolunteerOrder> Cancel(string by);

    /// <returns>null for an order never published.</returns>
    Task<VolunteerOrder?> Get();

    /// <summary>From the incident: the volunteer's task ended (done on the phone's task card, cancelled, or the incident closed).</summary>
    [OneWay]
    Task TaskEnded(string taskId, Rules.Incidents.TaskStatus status);
}

/// <param name="Notify">the volunteers in range now, as the web node's live picture has them</param>
[GenerateSerializer, Immutable]
public sealed record VolunteerOrderPublication(string IncidentId, int RadiusMeters, string? Note, IReadOnlyList<string> Notify, string By);
