using System.Security.Cryptography;
using GridCommand.Contracts;
using GridCommand.Contracts.Auth;

namespace GridCommand.Grains.Auth;

public sealed class TokenKeyState
{
    public byte[] Key { get; set; } = [];
}

/// <summary>Makes the token signing key once and keeps it, so every node and every restart agrees on it.</summary>
public sealed class TokenKeyGrain([PersistentState("token-key", GrainKinds.Storage)] IPersistentState<TokenKeyState> state)
    : Grain, ITokenKeyGrain
{
    public async Task<byte[]> Key()
    {
        if (state.State.Key.Length == 0)
        {
            state.State.Key = RandomNumberGenerator.GetBytes(32);
            await state.WriteStateAsync();
        }
        return state.State.Key;
    }
}
