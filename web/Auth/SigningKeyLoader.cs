using System.Security.Cryptography;
using GridCommand.Silo.Hosting;

namespace GridCommand.Web.Auth;

/// <summary>
/// Where the token keys come from: Auth:SigningKey, then the lines of Auth:SigningKeyFile, then Auth:PreviousSigningKeys
/// (the first signs, all verify). Never from the grain state: a copy of the database is no copy of the keys. With none
/// configured, one process on its own makes a key file in its content root; a node of a cluster refuses to start,
/// since its tokens must be checked by the other nodes too.
/// </summary>
public static class SigningKeyLoader
{
    /// <summary>The key file the embedded default makes when no key is configured (gitignored; beside the database, not in it).</summary>
    public const string DefaultFile = "signing-keys";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static SigningKeys Load(AuthOptions auth, ClusterSettings cluster, string contentRoot)
    {
        var lines = new List<(string Source, string Base64)>();
        if (auth.SigningKey is { Length: > 0 } key) lines.Add(("Auth:SigningKey", key));
        if (auth.SigningKeyFile is { Length: > 0 } file)
        {
            var path = Path.GetFullPath(file, contentRoot);
            if (!File.Exists(path)) throw new InvalidOperationException($"Auth:SigningKeyFile {path} does not exist.");
            lines.AddRange(ReadKeyFile(path));
        }
        lines.AddRange(auth.PreviousSigningKeys.Select(k => ("Auth:PreviousSigningKeys", k)));
        if (lines.Count > 0) return new SigningKeys(lines.Select(Decode));

        if (cluster.IsClient || cluster.OnPostgres || cluster.Kubernetes)
            throw new InvalidOperationException(
                "No token signing key is configured, and this node is part of a cluster (Cluster:Provider postgres, Cluster:Role client " +
                "or Kubernetes), whose nodes must all check each other's tokens: give every node the same Auth:SigningKey (base64 of " +
                "32 random bytes, e.g. from `openssl rand -base64 32`) or Auth:SigningKeyFile.");
        var own = Path.GetFullPath(DefaultFile, contentRoot);
        var made = !File.Exists(own);
        if (made) MakeKeyFile(own);
        return new SigningKeys(ReadKeyFile(own).Select(Decode)) { MadeFile = made ? own : null };
    }

    private static IEnumerable<(string, string)> ReadKeyFile(string path) =>
        File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => ($"Auth:SigningKeyFile {path}", l));

    private static byte[] Decode((string Source, string Base64) line)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(line.Base64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"A token signing key in {line.Source} is not base64.");
        }
        return key.Length >= SigningKey.MinBytes ? key
            : throw new InvalidOperationException($"A token signing key in {line.Source} has {key.Length} bytes: it needs at least {SigningKey.MinBytes}.");
    }

    private static void MakeKeyFile(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly;
        using var file = new FileStream(path, options);
        using var writer = new StreamWriter(file);
        writer.WriteLine(Convert.ToBase64String(RandomNumberGenerator.GetBytes(SigningKey.MinBytes)));
    }
}
