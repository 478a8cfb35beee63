using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GridCommand.Web.Auth;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace GridCommand.Tests.Api;

/// <summary>The demo accounts, and two configured ones that the tests disable.</summary>
public sealed class AccountsApp() : SharedApp(ApiKit.SharedSettings(
    ("Auth:Users:0:Username", "li.na"), ("Auth:Users:0:Role", "dispatcher"), ("Auth:Users:0:PasswordHash", PasswordHashes.Hash(AccountsApp.Password)),
    ("Auth:Users:1:Username", "wang.fang"), ("Auth:Users:1:Role", "station"), ("Auth:Users:1:PasswordHash", PasswordHashes.Hash(AccountsApp.Password))))
{
    public const string Password = "明月湖-2026";
}

/// <summary>Tokens as short as each role needs, renewed by the wall and the phones, and void at once when revoked.</summary>
public sealed class TokenLifecycleTests(AccountsApp fx) : IClassFixture<AccountsApp>
{
    [Theory]
    [InlineData("commander", 12)]
    [InlineData("dispatcher", 12)]
    [InlineData("station", 12)]
    [InlineData("wall", 24)]
    public async Task A_sign_in_gives_a_token_for_as_long_as_the_role_needs(string role, int hours)
    {
        var login = await fx.App.CreateClient().Send(HttpMethod.Post, "/api/auth/login", new { username = role, password = role }, HttpStatusCode.OK);

        AssertExpiresIn(login, TimeSpan.FromHours(hours));
    }

    [Fact]
    public async Task A_phone_signs_in_for_a_day_and_renews_its_token_as_the_same_unit()
    {
        var key = (await fx.Commander.Send(HttpMethod.Put, "/api/units/life-phone", new { kind = "guard", name = "续期保安" }, HttpStatusCode.OK)).Str("deviceKey");
        var login = await fx.App.CreateClient().Send(HttpMethod.Post, "/api/auth/device", new { unitId = "life-phone", deviceKey = key }, HttpStatusCode.OK);
        AssertExpiresIn(login, TimeSpan.FromHours(24));

        var renewed = await Client(login.Str("token")).Send(HttpMethod.Post, "/api/auth/renew", null, HttpStatusCode.OK);

        AssertExpiresIn(renewed, TimeSpan.FromHours(24));
        Assert.Equal(("device", "life-phone"), (renewed.Str("role"), renewed.Str("unitId")));
        var me = await Client(renewed.Str("token")).Get("/api/auth/me");
        Assert.Equal(("device", "life-phone"), (me.Str("role"), me.Str("unitId")));
    }

    [Fact]
    public async Task A_wall_renews_its_token_and_a_dispatcher_signs_in_again_instead()
    {
        var wall = await fx.App.StaffClient("wall");

        var renewed = await wall.Send(HttpMethod.Post, "/api/auth/renew", null, HttpStatusCode.OK);

        Assert.Equal("wall", renewed.Str("role"));
        Assert.NotEqual(SharedApp.TokenOf(wall), renewed.Str("token"));
        Assert.Equal(JsonValueKind.Array, (await Client(renewed.Str("token")).Get("/api/cells")).ValueKind);
        await (await fx.Dispatcher.PostAsync("/api/auth/renew", null)).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Re_enrolling_a_unit_ends_its_old_tokens_and_closes_its_phone_while_the_new_key_works()
    {
        var unit = await fx.App.EnrolOnDuty(fx.Commander, "life-reenrol", "guard", Areas.Centre(12));
        await using var phone = await FieldPhone.Connect(fx.App, unit);
        var closed = phone.Hub.ClosedSignal();

        var newKey = (await fx.Commander.Send(HttpMethod.Put, $"/api/units/{unit.UnitId}", new { kind = "guard", name = "换机保安" }, HttpStatusCode.OK))
            .Str("deviceKey");

        await (await unit.Client.PostAsJsonAsync($"/api/units/{unit.UnitId}/position", new { lat = 32.4, lon = 119.4 })).Problem(HttpStatusCode.Unauthorized);
        await (await unit.Client.PostAsync("/api/auth/renew", null)).Problem(HttpStatusCode.Unauthorized);
        await closed.WaitAsync(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<HttpRequestException>(() => fx.App.Hub("/hubs/field", unit.Token).StartAsync());
        var (fresh, _) = await fx.App.DeviceClient(unit.UnitId, newKey);
        await fresh.Send(HttpMethod.Post, $"/api/units/{unit.UnitId}/position", new { lat = 32.4, lon = 119.4 }, HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task A_disabled_user_loses_its_tokens_and_hub_at_once_cannot_sign_in_and_after_enabling_signs_in_afresh()
    {
        var liNa = await SignIn("li.na");
        await using var console = fx.App.Hub("/hubs/wall", SharedApp.TokenOf(liNa));
        await console.StartAsync();
        var closed = console.ClosedSignal();

        var disabled = await fx.Commander.Send(HttpMethod.Post, "/api/users/li.na/disable", null, HttpStatusCode.OK);

        Assert.True(disabled.GetProperty("disabled").GetBoolean());
        await (await liNa.GetAsync("/api/incidents")).Problem(HttpStatusCode.Unauthorized);
        await closed.WaitAsync(TimeSpan.FromSeconds(10));
        var refused = await fx.App.CreateClient().PostAsJsonAsync("/api/auth/login", new { username = "li.na", password = AccountsApp.Password });
        Assert.Contains("disabled", (await refused.Problem(HttpStatusCode.Forbidden)).Str("detail"));

        await fx.Commander.Send(HttpMethod.Post, "/api/users/li.na/enable", null, HttpStatusCode.OK);
        await (await liNa.GetAsync("/api/incidents")).Problem(HttpStatusCode.Unauthorized); // the old token stays void
        await (await SignIn("li.na")).Send(HttpMethod.Get, "/api/incidents", null, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Disabling_is_for_commanders_and_refuses_unknown_names_bad_names_and_oneself()
    {
        await (await fx.Dispatcher.PostAsync("/api/users/wang.fang/disable", null)).Problem(HttpStatusCode.Forbidden);
        await (await fx.Commander.PostAsync("/api/users/nobody.here/disable", null)).Problem(HttpStatusCode.NotFound);
        await (await fx.Commander.PostAsync("/api/users/bad%20name/disable", null)).Problem(HttpStatusCode.BadRequest);
        await (await fx.Commander.PostAsync("/api/users/commander/disable", null)).Problem(HttpStatusCode.Conflict);
        await (await SignIn("wang.fang")).Send(HttpMethod.Get, "/api/incidents", null, HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_hub_call_with_a_null_or_empty_task_id_is_a_readable_hub_error()
    {
        var unit = await fx.App.EnrolOnDuty(fx.Commander, "life-nulls", "guard", Areas.Centre(13));
        await using var phone = await FieldPhone.Connect(fx.App, unit);

        foreach (var (method, args) in new (string, object?[])[] { ("Accept", [null]), ("Arrive", [""]), ("Decline", [null, null]), ("Complete", [null, "好"]) })
        {
            var e = await Assert.ThrowsAsync<HubException>(() => phone.Hub.InvokeCoreAsync<JsonElement>(method, args));
            Assert.Contains("taskId must be", e.Message);
        }
        Assert.Equal(HubConnectionState.Connected, phone.Hub.State);
    }

    private async Task<HttpClient> SignIn(string username)
    {
        var login = await fx.App.CreateClient().Send(HttpMethod.Post, "/api/auth/login", new { username, password = AccountsApp.Password }, HttpStatusCode.OK);
        return Client(login.Str("token"));
    }

    private HttpClient Client(string token)
    {
        var client = fx.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static void AssertExpiresIn(JsonElement answer, TimeSpan lifetime)
    {
        var left = answer.GetProperty("expiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow;
        Assert.InRange(left, lifetime - TimeSpan.FromMinutes(1), lifetime);
    }
}
