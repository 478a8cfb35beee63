using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridCommand.Web.Auth;

namespace GridCommand.Tests.Api;

/// <summary>Outside demo mode, accounts come from configuration with hashed passwords.</summary>
public sealed class AccountTests
{
    [Fact]
    public async Task A_configured_account_signs_in_with_its_password_and_the_demo_accounts_do_not_exist()
    {
        using var app = new GridCommandApp(new Dictionary<string, string?>
        {
            ["Auth:DemoUsers"] = "false",
            ["Auth:Users:0:Username"] = "zhang.wei",
            ["Auth:Users:0:Role"] = "dispatcher",
            ["Auth:Users:0:PasswordHash"] = PasswordHashes.Hash("明月湖-2026"),
        });
        var client = app.CreateClient();

        var ok = await client.PostAsJsonAsync("/api/auth/login", new { username = "zhang.wei", password = "明月湖-2026" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("dispatcher", (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());

        var wrong = await client.PostAsJsonAsync("/api/auth/login", new { username = "zhang.wei", password = "明月湖-2025" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var demo = await client.PostAsJsonAsync("/api/auth/login", new { username = "dispatcher", password = "dispatcher" });
        Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);
    }

    [Fact]
    public void Password_hashes_are_salted_and_verify_only_the_right_password()
    {
        var first = PasswordHashes.Hash("secret");
        Assert.NotEqual(first, PasswordHashes.Hash("secret"));
        Assert.DoesNotContain("secret", first);
        Assert.True(PasswordHashes.Verify("secret", first));
        Assert.False(PasswordHashes.Verify("Secret", first));
        Assert.False(PasswordHashes.Verify("secret", "not-a-hash"));
        Assert.True(int.Parse(first.Split('$')[1]) >= 600_000, $"too few PBKDF2 iterations: {first}");
    }

    [Fact]
    public async Task A_token_says_whom_it_speaks_for()
    {
        using var app = new GridCommandApp();
        var dispatcher = await app.StaffClient("dispatcher");

        var me = await dispatcher.Get("/api/auth/me");

        Assert.Equal(("dispatcher", "dispatcher", JsonValueKind.Null), (me.Str("name"), me.Str("role"), me.GetProperty("unitId").ValueKind));
    }
}
