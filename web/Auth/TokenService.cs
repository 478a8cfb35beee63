using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GridCommand.Rules;

namespace GridCommand.Web.Auth;

/// <summary>What a bearer token says: who, in which role, for a device which unit, until when.</summary>
public sealed record TokenClaims(string Subject, string Role, string? UnitId, DateTimeOffset Expires)
{
    /// <summary>
    /// Names someone, in a role, and a device its unit (by an id a grain may have). A token signed with our key that
    /// is not (a bug elsewhere, or a leaked key) is no token: it must not reach a grain or a claim as null.
    /// </summary>
    public bool IsWellFormed =>
        Subject is { Length: > 0 } && Role is { Length: > 0 }
        && (UnitId is null ? Role != Roles.Device : GridIds.IsValid(UnitId));
}

/// <summary>
/// Self-contained bearer tokens: base64url(JSON claims) "." base64url(HMAC-SHA256). Any node with the
/// same key can check them, with no session table.
/// </summary>
public sealed class TokenService(byte[] key, TimeProvider clock)
{
    public string Issue(string subject, string role, string? unitId, TimeSpan lifetime)
    {
        var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new TokenClaims(subject, role, unitId, clock.GetUtcNow() + lifetime)));
        return $"{body}.{Sign(body)}";
    }

    public TokenClaims? Validate(string token)
    {
        var dot = token.IndexOf('.');
        if (dot <= 0) return null;
        var body = token[..dot];
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(body)), Encoding.ASCII.GetBytes(token[(dot + 1)..])))
            return null;
        try
        {
            var claims = JsonSerializer.Deserialize<TokenClaims>(FromBase64Url(body));
            return claims is { IsWellFormed: true } && claims.Expires > clock.GetUtcNow() ? claims : null;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }
    }

    private string Sign(string body) => Base64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(body)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string s)
    {
        var b64 = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '='));
    }
}
