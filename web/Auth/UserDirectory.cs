using System.Security.Cryptography;
using System.Text;

namespace GridCommand.Web.Auth;

/// <summary>One configured account: "Auth:Users:0:Username", ":Role", ":PasswordHash" (from <see cref="PasswordHashes.Hash"/>).</summary>
public sealed class UserAccount
{
    public string Username { get; set; } = "";
    public string Role { get; set; } = "";
    public string PasswordHash { get; set; } = "";
}

/// <summary>The "Auth" section.</summary>
public sealed class AuthOptions
{
    /// <summary>Demo mode: users commander, dispatcher, station and wall, each with its own name as password.</summary>
    public bool DemoUsers { get; set; }
    public List<UserAccount> Users { get; set; } = [];
    /// <summary>Base64 HMAC key (at least 32 bytes) that signs tokens; see <see cref="SigningKeyLoader"/>.</summary>
    public string? SigningKey { get; set; }
    /// <summary>A file with one base64 key per line, relative to the content root: the first signs (unless SigningKey does), all verify.</summary>
    public string? SigningKeyFile { get; set; }
    /// <summary>Keys that verify but no longer sign: the old key while a new one takes over.</summary>
    public List<string> PreviousSigningKeys { get; set; } = [];
    /// <summary>Failed sign-ins a minute allowed per user or unit and per address, before 429 (see <see cref="SignInThrottle"/>).</summary>
    public int SignInFailuresPerMinute { get; set; } = 5;
    /// <summary>The accounts added with `add-user`; relative to the content root (web/ under `dotnet run`).</summary>
    public string UsersFile { get; set; } = "users.json";

    public string UsersFilePath(IHostEnvironment env) => Path.GetFullPath(UsersFile, env.ContentRootPath);
    /// <summary>Commanders, dispatchers and stations sign in each shift.</summary>
    public TimeSpan StaffTokenLifetime { get; set; } = TimeSpan.FromHours(12);
    /// <summary>A wall screen signs in once and renews its token by itself.</summary>
    public TimeSpan WallTokenLifetime { get; set; } = TimeSpan.FromHours(24);
    /// <summary>A phone, too, renews its token by itself.</summary>
    public TimeSpan DeviceTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A chat-group connector runs unattended for weeks; a commander revokes its token when it leaks.</summary>
    public TimeSpan ConnectorTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan TokenLifetime(string role) => role switch
    {
        Roles.Connector => ConnectorTokenLifetime,
        Roles.Wall => WallTokenLifetime,
        Roles.Device => DeviceTokenLifetime,
        _ => StaffTokenLifetime,
    };
}

/// <summary>Checks a user name and password against the accounts added by command, the configured ones (hashed), or the demo accounts.</summary>
public sealed class UserDirectory(AuthOptions options, IReadOnlyList<UserAccount> addedByCommand)
{
    /// <returns>the role, or null when the name or password is wrong.</returns>
    public string? Check(string username, string password)
    {
        if (options.DemoUsers && Roles.StaffRoles.Contains(username) && username == password) return username;
        var account = Find(username);
        return account is not null && PasswordHashes.Verify(password, account.PasswordHash) ? account.Role : null;
    }

    /// <returns>the user's role, or null for a name this node does not know.</returns>
    public string? RoleOf(string username) =>
        options.DemoUsers && Roles.StaffRoles.Contains(username) ? username : Find(username)?.Role;

    private UserAccount? Find(string username) =>
        addedByCommand.FirstOrDefault(u => u.Username == username) ?? options.Users.Find(u => u.Username == username);
}

/// <summary>PBKDF2-SHA256 password hashes: "pbkdf2$iterations$salt$hash" (base64).</summary>
public static class PasswordHashes
{
    // OWASP's figure for PBKDF2-HMAC-SHA256 (2023). Hashes made with fewer still verify: the count is stored in each.
    private const int Iterations = 600_000;

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts is not ["pbkdf2", var iterations, var salt, var hash] || !int.TryParse(iterations, out var n)) return false;
        var expected = Convert.FromBase64String(hash);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Convert.FromBase64String(salt), n, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
