using GridCommand.Contracts;
using GridCommand.Contracts.Auth;

namespace GridCommand.Web.Auth;

/// <summary>The token key: from configuration, or made once by the token key grain so every node and every restart agrees.</summary>
public static class SigningKeys
{
    public static async Task<byte[]> LoadOrCreate(AuthOptions options, IGrainFactory grains) =>
        options.SigningKey is { Length: > 0 } configured
            ? Convert.FromBase64String(configured)
            : await grains.GetGrain<ITokenKeyGrain>(CityKeys.City).Key();
}
