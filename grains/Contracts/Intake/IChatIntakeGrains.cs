using GridCommand.Rules.Cameras;
using GridCommand.Rules.Intake;
using Orleans.Concurrency;

namespace GridCommand.Contracts.Intake;

/// <summary>A community chat group, keyed by its id: the cell it belongs to, and where its messages go.</summary>
public interface IChatGroupGrain : IGrainWithStringKey
{
    /// <summary>Registers or moves the group; saved before it answers.</summary>
    Task<ChatGroupView> Register(string cellId, string name, string by);

    /// <returns>null for a group never registered.</returns>
    Task<ChatGroupView?> Get();

    /// <summary>Pre-judges the message and queues it at the station covering its cell unless it is noise.</summary>
    Task<ChatVerdict> Receive(ChatMessage message);
}

/// <summary>A station's chat-group intake queue, keyed by the station's id.</summary>
public interface IStationIntakeGrain : IGrainWithStringKey
{
    /// <summary>Adds a judged message: a new candidate, or one more report of a pending one.</summary>
    Task<CandidateView> Add(ChatReport report);

    /// <summary>Adds a camera's alarm: a new candidate, or one more alarm of the camera's pending one.</summary>
    Task<CandidateView> AddCameraAlarm(CameraReport report);

    Task<IReadOnlyList<CandidateView>> List();

    /// <summary>Opens (or merges into) an incident through the city's intake, prefilled from the candidate; again, the same incident.</summary>
    /// <exception cref="Refusal">no such candidate; dismissed already</exception>
    Task<CandidateView> Escalate(string candidateId, string by);

    /// <exception cref="Refusal">no such candidate; turned into an incident already</exception>
    Task<CandidateView> Dismiss(string candidateId, string by);
}

/// <summary>The city's chat-group numbers for today (key <see cref="CityKeys.City"/>).</summary>
public interface IIntakeCountsGrain : IGrainWithStringKey
{
    [OneWay]
    Task Count(int messages, int candidates, int escalated);

    Task<IntakeToday> Today();
}
