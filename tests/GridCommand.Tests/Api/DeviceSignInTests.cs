using System.Net;
using System.Net.Http.Json;
using GridCommand.Grains.Units;

namespace GridCommand.Tests.Api;

/// <summary>A phone signs in with its unit id and device key; nobody else gets a grain woken for trying.</summary>
public sealed class DeviceSignInTests(DeviceSignInTests.UnthrottledApp shared) : IClassFixture<DeviceSignInTests.UnthrottledApp>
{
    [Fact]
    public async Task Two_thousand_made_up_unit_ids_wake_no_grain_and_a_real_unit_still_signs_in_with_its_key_only()
    {
        var unit = await shared.App.EnrolOnDuty(shared.Commander, "sign-in-car", "patrol-car", Areas.Centre(3));
        var anonymous = shared.App.CreateClient();
        var before = await UnitActivations();

        for (var i = 0; i < 2_000; i++)
        {
            var response = await anonymous.PostAsJsonAsync("/api/auth/device", new { unitId = $"made-up-{i}", deviceKey = "guess" });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Equal(before, await UnitActivations());
        var wrongKey = await anonymous.PostAsJsonAsync("/api/auth/device", new { unitId = unit.UnitId, deviceKey = "guess" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        var rightKey = await anonymous.PostAsJsonAsync("/api/auth/device", new { unitId = unit.UnitId, deviceKey = unit.DeviceKey });
        Assert.Equal(HttpStatusCode.OK, rightKey.StatusCode);
    }

    [Fact]
    public async Task The_demo_units_shared_key_opens_nothing_once_the_simulator_is_off()
    {
        var database = Path.Combine(Path.GetTempPath(), $"gridcommand-demo-{Guid.NewGuid():N}.db");
        Dictionary<string, string?> Settings(bool demo) => new()
        {
            ["Storage:ConnectionString"] = $"Data Source={database}", ["Simulation:Enabled"] = demo.ToString(),
            ["Simulation:Guards"] = "2", ["Simulation:PatrolUnits"] = "1", ["Simulation:VolunteerTeams"] = "0",
        };
        await using (var demo = new GridCommandApp(Settings(demo: true)))
        {
            var phone = demo.CreateClient();
            await Eventually.Until(async () =>
                (await phone.PostAsJsonAsync("/api/auth/device", new { unitId = "P001", deviceKey = "demo" })).StatusCode == HttpStatusCode.OK,
                TimeSpan.FromSeconds(30), "the demo city enrolled");
        }

        await using (var real = new GridCommandApp(Settings(demo: false)))
        {
            var refused = await real.CreateClient().PostAsJsonAsync("/api/auth/device", new { unitId = "P001", deviceKey = "demo" });
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { database, database + "-wal", database + "-shm" }) File.Delete(file);
    }

    [Fact]
    public async Task Units_whose_ids_read_as_numbers_are_units_of_their_own_that_sign_in_and_come_back_after_a_restart()
    {
        // Orleans' storage would read these as the numbers 0x10086, 0xA1, 0xA1, 1 and 1, and as a GUID.
        string[] ids = ["10086", "A1", "a1", "01", "1", "0123456789abcdef0123456789abcdef"];
        var database = Path.Combine(Path.GetTempPath(), $"gridcommand-ids-{Guid.NewGuid():N}.db");
        var settings = ApiKit.SharedSettings(("Storage:ConnectionString", $"Data Source={database}"));
        var keys = new Dictionary<string, string>();
        await using (var first = new GridCommandApp(settings))
        {
            var commander = await first.StaffClient("commander");
            foreach (var id in ids)
                keys[id] = (await commander.Send(HttpMethod.Put, $"/api/units/{id}", new { kind = "guard", name = $"保安{id}" }, HttpStatusCode.OK)).Str("deviceKey");
            foreach (var id in ids) await first.DeviceClient(id, keys[id]);
        }

        await using (var again = new GridCommandApp(settings))
        {
            var commander = await again.StaffClient("commander");
            var listed = (await commander.Get("/api/units")).EnumerateArray().ToDictionary(u => u.Str("unitId"), u => u.Str("name"));
            Assert.Equal(ids.ToDictionary(id => id, id => $"保安{id}"), listed);
            foreach (var id in ids) await again.DeviceClient(id, keys[id]);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { database, database + "-wal", database + "-shm" }) File.Delete(file);
    }

    /// <summary>Thousands of failures from one address would be refused after five (SignInThrottleTests): here they must reach the check.</summary>
    public sealed class UnthrottledApp() : SharedApp(ApiKit.SharedSettings(("Auth:SignInFailuresPerMinute", "1000000")));

    private async Task<int> UnitActivations()
    {
        var stats = await shared.App.Service<IGrainFactory>().GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return stats.Where(s => s.GrainType.Contains(nameof(UnitGrain), StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }
}
