using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GridCommand.Rules;
using GridCommand.Rules.Auth;

namespace GridCommand.Web.Auth;

/// <summary>What a bearer token says: who, in which role, for a device which unit, since when and until when.</summary>
public sealed record TokenClaims(string Subject, string Role, string? UnitId, DateTimeOffset Issued, DateTimeOffset Expires)
{
    /// <summary>
    /// Names someone, in a role, and a device its unit (by an id a grain may have). A token signed with our key that
    /// is not (a bug elsewhere, or a leaked key) is no token: it must not reach a grain or a claim as null.
    /// </summary>
    [JsonIgnore]
    public bool IsWellFormed =>
        Subject is { Length: > 0 } && Role is { Length: > 0 }
        && (UnitId is null ? Role != Roles.Device : GridIds.IsValid(UnitId));

    /// <summary>Whose tokens a revocation names: a device's unit, or a user.</summary>
    [JsonIgnore]
    public string RevocationSubject => Role == Roles.Device ? Revocation.OfUnit(UnitId!) : Revocation.OfUser(Subject);
}

/// <summary>A token as handed out, with when it stops working (the pages renew it before that).</summary>
public sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>
/// Self-contained bearer tokens: key id "." base64url(JSON claims) "." base64url(HMAC-SHA256 of both). Any node with the
/// same keys can check them, with no session table; the key id picks the key, so an old key can still verify while a
/// new one signs.
/// </summary>
public sealed class TokenService(SigningKeys keys, TimeProvider clock)
{
    public IssuedToken Issue(string subject, string role, string? unitId, TimeSpan lifetime)
    {
        var now = clock.GetUtcNow();
        var key = keys.Current;
        var signed = $"{key.Id}.{Base64Url(JsonSerializer.SerializeToUtf8Bytes(new TokenClaims(subject, role, unitId, now, now + lifetime)))}";
        return new IssuedToken($"{signed}.{Sign(key, signed)}", now + lifetime);
    }

    public TokenClaims? Validate(string token)
    {
        var lastDot = token.LastIndexOf('.');
        var firstDot = token.IndexOf('.');
        if (firstDot <= 0 || lastDot <= firstDot || keys.Find(token[..firstDot]) is not { } key) return null;
        var signed = token[..lastDot];
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(key, signed)), Encoding.ASCII.GetBytes(token[(lastDot + 1)..])))
            return null;
        try
        {
            var claims = JsonSerializer.Deserialize<TokenClaims>(FromBase64Url(signed[(firstDot + 1)..]));
            return claims is { IsWellFormed: true } && claims.Expires > clock.GetUtcNow() ? claims : null;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }
    }

    private static string Sign(SigningKey key, string signed) => Base64Url(HMACSHA256.HashData(key.Secret, Encoding.ASCII.GetBytes(signed)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string s)
    {
        var b64 = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '='));
    }
}
