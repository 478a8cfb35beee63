using GridCommand.Silo.Hosting;
using GridCommand.Web.Auth;

namespace GridCommand.Tests.Web;

public sealed class TokenTests
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] NewKey = Enumerable.Range(50, 32).Select(i => (byte)i).ToArray();

    private static TokenService Tokens(TimeProvider clock, params byte[][] keys) => new(new SigningKeys(keys), clock);

    [Fact]
    public void A_token_says_who_and_in_which_role_since_when_until_it_expires()
    {
        var clock = new Clock(new DateTimeOffset(2030, 5, 1, 0, 0, 0, TimeSpan.Zero));
        var tokens = Tokens(clock, Key);
        var issued = tokens.Issue("G00001", Roles.Device, "G00001", TimeSpan.FromHours(1));

        var claims = tokens.Validate(issued.Token);
        Assert.Equal(("G00001", Roles.Device, "G00001", clock.Now), (claims!.Subject, claims.Role, claims.UnitId, claims.Issued));
        Assert.Equal(clock.Now.AddHours(1), issued.ExpiresAt);

        clock.Now += TimeSpan.FromHours(2);
        Assert.Null(tokens.Validate(issued.Token));
    }

    [Fact]
    public void A_token_changed_by_hand_or_signed_with_another_key_is_refused()
    {
        var clock = new Clock(DateTimeOffset.UtcNow);
        var token = Tokens(clock, Key).Issue("dispatcher", Roles.Dispatcher, null, TimeSpan.FromHours(1)).Token;
        var body = token.IndexOf('.') + 5;
        var forged = token[..body] + (token[body] == 'A' ? 'B' : 'A') + token[(body + 1)..];

        Assert.Null(Tokens(clock, Key).Validate(forged));
        Assert.Null(Tokens(clock, Key.Reverse().ToArray()).Validate(token));
        Assert.Null(Tokens(clock, Key).Validate("not a token"));
    }

    [Fact]
    public void While_a_key_is_rotated_tokens_signed_with_the_previous_key_still_work_and_new_ones_use_the_new_key()
    {
        var clock = new Clock(DateTimeOffset.UtcNow);
        var before = Tokens(clock, Key).Issue("wall", Roles.Wall, null, TimeSpan.FromHours(24)).Token;
        var rotated = Tokens(clock, NewKey, Key);
        var after = rotated.Issue("wall", Roles.Wall, null, TimeSpan.FromHours(24)).Token;

        Assert.Equal("wall", rotated.Validate(before)?.Subject);
        Assert.Equal("wall", rotated.Validate(after)?.Subject);
        Assert.Null(Tokens(clock, Key).Validate(after)); // a node that never heard of the new key
        Assert.Null(Tokens(clock, NewKey).Validate(before)); // the previous key retired
    }

    [Fact]
    public void Staff_sign_in_each_shift_while_walls_and_phones_hold_a_day_and_renew_it()
    {
        var options = new AuthOptions();
        Assert.Equal(TimeSpan.FromHours(12), options.TokenLifetime(Roles.Commander));
        Assert.Equal(TimeSpan.FromHours(12), options.TokenLifetime(Roles.Dispatcher));
        Assert.Equal(TimeSpan.FromHours(12), options.TokenLifetime(Roles.Station));
        Assert.Equal(TimeSpan.FromHours(24), options.TokenLifetime(Roles.Wall));
        Assert.Equal(TimeSpan.FromHours(24), options.TokenLifetime(Roles.Device));
    }

    [Theory]
    [InlineData(null, "dispatcher", null)]
    [InlineData("", "dispatcher", null)]
    [InlineData("zhang.wei", null, null)]
    [InlineData("zhang.wei", "", null)]
    [InlineData("P001", "device", null)]
    [InlineData("P001", "device", "P\u0000001")]
    [InlineData("P001", "device", "")]
    public void A_properly_signed_token_that_names_nobody_no_role_or_no_proper_unit_is_refused(string? subject, string? role, string? unitId)
    {
        var tokens = Tokens(new Clock(DateTimeOffset.UtcNow), Key);

        Assert.Null(tokens.Validate(tokens.Issue(subject!, role!, unitId, TimeSpan.FromHours(1)).Token));
    }
}

/// <summary>Where the keys come from: configuration, a key file, or (one process on its own) a key file it makes.</summary>
public sealed class SigningKeyLoaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("gridcommand-keys-").FullName;
    private static readonly string KeyA = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly string KeyB = Convert.ToBase64String(Enumerable.Range(60, 32).Select(i => (byte)i).ToArray());

    private static ClusterSettings OneProcess => new();

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void One_process_with_no_key_configured_makes_a_key_file_only_its_owner_can_read_and_keeps_using_it()
    {
        var first = SigningKeyLoader.Load(new AuthOptions(), OneProcess, _root);
        var path = Path.Combine(_root, SigningKeyLoader.DefaultFile);

        Assert.Equal(path, first.MadeFile);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        var again = SigningKeyLoader.Load(new AuthOptions(), OneProcess, _root);
        Assert.Null(again.MadeFile);
        Assert.Equal(first.Current.Secret, again.Current.Secret);
    }

    [Theory]
    [InlineData("postgres", "silo")]
    [InlineData("localhost", "client")]
    public void A_cluster_node_with_no_key_configured_refuses_to_start(string provider, string role)
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            SigningKeyLoader.Load(new AuthOptions(), new ClusterSettings { Provider = provider, Role = role }, _root));

        Assert.Contains("Auth:SigningKey", e.Message);
        Assert.False(File.Exists(Path.Combine(_root, SigningKeyLoader.DefaultFile)));
    }

    [Fact]
    public void The_first_line_of_a_key_file_signs_and_every_line_and_previous_key_verifies()
    {
        var file = Path.Combine(_root, "keys");
        File.WriteAllLines(file, [KeyB, "", KeyA]);
        var previous = Convert.ToBase64String(new byte[40]);

        var keys = SigningKeyLoader.Load(new AuthOptions { SigningKeyFile = file, PreviousSigningKeys = [previous] },
            new ClusterSettings { Provider = "postgres" }, _root);

        Assert.Equal(Convert.FromBase64String(KeyB), keys.Current.Secret);
        Assert.All(new[] { KeyA, KeyB, previous }, k => Assert.NotNull(keys.Find(SigningKey.Of(Convert.FromBase64String(k)).Id)));
    }

    [Theory]
    [InlineData("not base64!", "not base64")]
    [InlineData("c2hvcnQ=", "at least 32")]
    public void A_key_that_is_not_base64_or_too_short_stops_the_start_with_a_clear_message(string key, string message)
    {
        var e = Assert.Throws<InvalidOperationException>(() => SigningKeyLoader.Load(new AuthOptions { SigningKey = key }, OneProcess, _root));

        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_configured_key_file_that_is_missing_stops_the_start_and_is_not_made()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            SigningKeyLoader.Load(new AuthOptions { SigningKeyFile = "missing-keys" }, OneProcess, _root));

        Assert.Contains("missing-keys", e.Message);
        Assert.False(File.Exists(Path.Combine(_root, "missing-keys")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
