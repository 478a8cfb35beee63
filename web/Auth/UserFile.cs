using System.Text.Json;
using GridCommand.Rules;

namespace GridCommand.Web.Auth;

/// <summary>
/// Accounts added by command (`add-user NAME --role ROLE`, the password from standard input), kept as hashes in a JSON
/// file (Auth:UsersFile) beside the configured ones. Read when the server starts.
/// </summary>
public static class UserFile
{
    public const int MinPasswordLength = 8;

    public static IReadOnlyList<UserAccount> Read(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<List<UserAccount>>(File.ReadAllText(path), GrainJson.Options) ?? [] : [];

    /// <summary>Adds the account, or replaces the one of that name (a new password or role). Returns an error, or null.</summary>
    public static string? Add(string path, string username, string role, string password)
    {
        if (GridIds.Check("NAME", username) is { } badName) return badName;
        if (!Roles.StaffRoles.Contains(role)) return $"--role must be one of {string.Join(", ", Roles.StaffRoles)}.";
        if (password.Length < MinPasswordLength) return $"The password must have at least {MinPasswordLength} characters.";
        var accounts = Read(path).Where(a => a.Username != username).ToList();
        accounts.Add(new UserAccount { Username = username, Role = role, PasswordHash = PasswordHashes.Hash(password) });
        File.WriteAllText(path, JsonSerializer.Serialize(accounts, GrainJson.Options));
        return null;
    }
}
