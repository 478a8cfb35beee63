using System.Security.Cryptography;

namespace GridCommand.Web.Auth;

/// <summary>A token key and its id, which tokens carry so that a node checks each with the key that signed it.</summary>
public sealed record SigningKey(string Id, byte[] Secret)
{
    public const int MinBytes = 32;

    /// <summary>The id is the start of the key's SHA-256: the same on every node, and telling nothing of the key.</summary>
    public static SigningKey Of(byte[] secret) => new(Convert.ToHexStringLower(SHA256.HashData(secret))[..8], secret);
}

/// <summary>The keys tokens are checked with; the first signs. Several at once let a key be rotated without signing anyone out.</summary>
public sealed class SigningKeys
{
    private readonly Dictionary<string, SigningKey> _byId;

    public SigningKeys(IEnumerable<byte[]> secrets)
    {
        var keys = secrets.Select(SigningKey.Of).ToList();
        if (keys.Count == 0) throw new ArgumentException("At least one signing key is needed.", nameof(secrets));
        Current = keys[0];
        _byId = keys.DistinctBy(k => k.Id).ToDictionary(k => k.Id);
    }

    public SigningKey Current { get; }

    /// <summary>Set when this start made the key file, so the node can say so.</summary>
    public string? MadeFile { get; init; }

    public SigningKey? Find(string id) => _byId.GetValueOrDefault(id);
}
