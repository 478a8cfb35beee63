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

    [Fact]
    public void A_token_says_who_and_in_which_role_until_it_expires()
    {
        var clock = new Clock(new DateTimeOffset(2030, 5, 1, 0, 0, 0, TimeSpan.Zero));
        var tokens = new TokenService(Key, clock);
        var token = tokens.Issue("G00001", Roles.Device, "G00001", TimeSpan.FromHours(1));

        var claims = tokens.Validate(token);
        Assert.Equal(("G00001", Roles.Device, "G00001"), (claims!.Subject, claims.Role, claims.UnitId));

        clock.Now += TimeSpan.FromHours(2);
        Assert.Null(tokens.Validate(token));
    }

    [Fact]
    public void A_token_changed_by_hand_or_signed_with_another_key_is_refused()
    {
        var clock = new Clock(DateTimeOffset.UtcNow);
        var token = new TokenService(Key, clock).Issue("dispatcher", Roles.Dispatcher, null, TimeSpan.FromHours(1));
        var forged = token.Replace(token[5], token[5] == 'A' ? 'B' : 'A');

        Assert.Null(new TokenService(Key, clock).Validate(forged));
        Assert.Null(new TokenService(Key.Reverse().ToArray(), clock).Validate(token));
        Assert.Null(new TokenService(Key, clock).Validate("not a token"));
    }

    [Fact]
    public void A_wall_stays_signed_in_for_months_while_a_dispatcher_signs_in_each_shift()
    {
        var options = new AuthOptions();
        Assert.True(options.TokenLifetime(Roles.Wall) >= TimeSpan.FromDays(30));
        Assert.True(options.TokenLifetime(Roles.Dispatcher) <= TimeSpan.FromHours(12));
        Assert.Equal(options.DeviceTokenLifetime, options.TokenLifetime(Roles.Device));
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
        var tokens = new TokenService(Key, new Clock(DateTimeOffset.UtcNow));

        Assert.Null(tokens.Validate(tokens.Issue(subject!, role!, unitId, TimeSpan.FromHours(1))));
    }
}
