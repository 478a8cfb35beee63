namespace GridCommand.Contracts.Auth;

/// <summary>The key that signs bearer tokens when none is configured: made once, the same for every node.</summary>
public interface ITokenKeyGrain : IGrainWithStringKey
{
    Task<byte[]> Key();
}
