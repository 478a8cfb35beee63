using System.Security.Cryptography;
using System.Text;

namespace GridCommand.Rules.Units;

/// <summary>Device keys are stored only as a salted hash (salt = the unit id).</summary>
public static class DeviceKeys
{
    public static string Hash(string unitId, string key) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{unitId}\n{key}")));

    public static bool Matches(string unitId, string key, string? storedHash) =>
        storedHash is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Hash(unitId, key)), Encoding.ASCII.GetBytes(storedHash));

    public static string NewKey() => Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
}
