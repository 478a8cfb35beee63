using System.Net;
using System.Net.Http.Json;
using GridCommand.Web.Auth;

namespace GridCommand.Tests.Api;

/// <summary>Guessing passwords or device keys is slowed to five tries a minute per name and per address.</summary>
public sealed class SignInThrottleTests
{
    [Fact]
    public async Task After_five_wrong_passwords_the_user_is_refused_for_a_minute_even_with_the_right_one()
    {
        await using var app = new GridCommandApp();
        var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await Login(client, "dispatcher", $"guess-{i}")).StatusCode);

        var blocked = await Login(client, "dispatcher", "dispatcher");

        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(1), blocked.Headers.RetryAfter?.Delta);
        // The test server gives every request the same (empty) address: the address is blocked too.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Login(client, "commander", "commander")).StatusCode);
    }

    [Fact]
    public async Task A_device_key_is_guessed_five_times_at_most_too()
    {
        await using var app = new GridCommandApp();
        var commander = await app.StaffClient("commander");
        var unit = await app.EnrolOnDuty(commander, "guessed-car", "patrol-car", Areas.Centre(1));
        var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var guess = await client.PostAsJsonAsync("/api/auth/device", new { unitId = unit.UnitId, deviceKey = $"guess-{i}" });
            Assert.Equal(HttpStatusCode.Unauthorized, guess.StatusCode);
        }

        var right = await client.PostAsJsonAsync("/api/auth/device", new { unitId = unit.UnitId, deviceKey = unit.DeviceKey });

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }

    [Fact]
    public void Failures_count_per_name_and_per_address_separately()
    {
        using var throttle = new SignInThrottle(failuresPerMinute: 5);
        var attacker = IPAddress.Parse("192.0.2.7");
        for (var i = 0; i < 5; i++) throttle.Failed($"user:name-{i}", attacker);

        Assert.True(throttle.IsBlocked("user:someone-else", attacker));
        Assert.False(throttle.IsBlocked("user:name-0", IPAddress.Parse("192.0.2.8")));
        for (var i = 0; i < 5; i++) throttle.Failed("user:zhang.wei", IPAddress.Parse($"198.51.100.{i}"));
        Assert.True(throttle.IsBlocked("user:zhang.wei", IPAddress.Parse("203.0.113.1")));
    }

    private static Task<HttpResponseMessage> Login(HttpClient client, string username, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { username, password });
}
