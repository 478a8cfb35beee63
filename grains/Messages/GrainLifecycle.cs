namespace GridCommand.Grains.Messages;

/// <summary>Sent by sharding on passivation and hand-off: the grain saves what is unsaved, then stops.</summary>
public sealed record StopGrain : IProtocolMessage
{
    public static readonly StopGrain Instance = new();
}
