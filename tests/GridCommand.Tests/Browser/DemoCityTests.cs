using System.Net.Http.Json;
using System.Text.Json;

namespace GridCommand.Tests.Browser;

/// <summary>The simulated demo city the browser tests run in, as the README describes it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DemoCityTests(BrowserFixture city)
{
    [Fact]
    public async Task The_demo_units_left_to_a_person_are_on_duty_but_never_moved_by_the_simulator()
    {
        var staff = await city.App.StaffClient("dispatcher");
        await Task.Delay(TimeSpan.FromSeconds(6)); // longer than the simulator's report interval: every moved unit has sent a fix

        foreach (var unitId in BrowserFixture.ManualUnits)
        {
            var unit = (await staff.GetFromJsonAsync<JsonElement>($"/api/units/{unitId}")).GetProperty("unit");
            Assert.Equal(("available", JsonValueKind.Null), (unit.GetProperty("status").GetString(), unit.GetProperty("lat").ValueKind));
        }
    }
}
