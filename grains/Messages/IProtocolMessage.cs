namespace GridCommand.Grains.Messages;

/// <summary>Every message that may cross the wire; bound to <c>ProtocolSerializer</c>.</summary>
public interface IProtocolMessage;

/// <summary>A message for one grain, routed by cluster sharding on its id.</summary>
public interface IGrainMessage : IProtocolMessage
{
    string EntityId { get; }
}

/// <summary>A command refused by a grain's rules.</summary>
/// <param name="NextChoice">for a dispatch that lost a race: the unit to try instead</param>
public sealed record Rejected(RejectionCode Code, string Message, Dispatch.Recommendation? NextChoice = null) : IProtocolMessage
{
    public static Rejected From(Outcome outcome) => new(outcome.Code!.Value, outcome.Message!);
}

/// <summary>A command done; carries nothing back.</summary>
public sealed record Done : IProtocolMessage
{
    public static readonly Done Instance = new();
}
