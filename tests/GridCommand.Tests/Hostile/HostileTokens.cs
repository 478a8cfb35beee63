using System.Security.Cryptography;
using GridCommand.Tests.Api;
using GridCommand.Web.Auth;

namespace GridCommand.Tests.Hostile;

/// <summary>
/// The Authorization headers an attacker tries: none, junk, tokens signed with a key of their own, tokens of ours that
/// expired or name nobody, other schemes, an oversized header; and real tokens of every role, used on the wrong routes.
/// </summary>
public sealed class HostileTokens
{
    private readonly string?[] _headers;

    private HostileTokens(string?[] headers) => _headers = headers;

    public string? Pick(Random random) => _headers[random.Next(_headers.Length)];

    public static async Task<HostileTokens> For(GridCommandApp app, FieldUnit device)
    {
        var ours = app.Service<TokenService>();
        var theirs = new TokenService(new SigningKeys([RandomNumberGenerator.GetBytes(32)]), TimeProvider.System);
        string?[] headers =
        [
            null,
            "Bearer",
            "Bearer ",
            "Bearer junk",
            "Bearer a.b",
            "Bearer .",
            "Basic Y29tbWFuZGVyOmNvbW1hbmRlcg==",
            "Bearer " + new string('A', 16 * 1024),
            "Bearer " + theirs.Issue("commander", Roles.Commander, null, TimeSpan.FromHours(1)).Token,
            "Bearer " + theirs.Issue(device.UnitId, Roles.Device, device.UnitId, TimeSpan.FromHours(1)).Token,
            "Bearer " + ours.Issue("commander", Roles.Commander, null, TimeSpan.FromHours(-1)).Token,
            "Bearer " + ours.Issue(null!, Roles.Commander, null, TimeSpan.FromHours(1)).Token,
            "Bearer " + ours.Issue("someone", null!, null, TimeSpan.FromHours(1)).Token,
            "Bearer " + ours.Issue("root", "god", null, TimeSpan.FromHours(1)).Token,
            "Bearer " + ours.Issue("x", Roles.Device, null, TimeSpan.FromHours(1)).Token,
            "Bearer " + ours.Issue("x", Roles.Device, "no-such-unit\u0000", TimeSpan.FromHours(1)).Token,
            "Bearer " + device.Token,
            "Bearer " + ours.Issue("connector:hostile", Roles.Connector, null, TimeSpan.FromHours(1)).Token,
        ];
        foreach (var role in Roles.StaffRoles) headers = [.. headers, "Bearer " + SharedApp.TokenOf(await app.StaffClient(role))];
        return new HostileTokens(headers);
    }
}
