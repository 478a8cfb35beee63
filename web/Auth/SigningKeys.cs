using System.Security.Cryptography;
using System.Text.Json;
using GridCommand.Grains.Storage;

namespace GridCommand.Web.Auth;

/// <summary>The token key: from configuration, or made once and kept in the grain store so every node and every restart agrees.</summary>
public static class SigningKeys
{
    private const string Kind = "config";
    private const string Id = "token-signing-key";

    public static async Task<byte[]> LoadOrCreate(AuthOptions options, IGrainStateStore store)
    {
        if (options.SigningKey is { Length: > 0 } configured) return Convert.FromBase64String(configured);
        var stored = await store.ReadAsync(Kind, Id);
        if (stored is null)
        {
            try
            {
                await store.WriteAsync(Kind, Id, 0, JsonSerializer.Serialize(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            }
            catch (GrainVersionConflictException)
            {
                // Another node made it first: use theirs.
            }
            stored = await store.ReadAsync(Kind, Id);
        }
        return Convert.FromBase64String(JsonSerializer.Deserialize<string>(stored!.Payload)!);
    }
}
