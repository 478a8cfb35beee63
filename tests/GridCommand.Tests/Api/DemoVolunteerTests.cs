using System.Net;
using System.Text.Json;
using GridCommand.Rules.Geo;

namespace GridCommand.Tests.Api;

/// <summary>In the demo city the simulated volunteers claim the orders they are told of, so the console has something to show.</summary>
public sealed class DemoVolunteerTests
{
    [Fact]
    public async Task A_simulated_volunteer_in_range_claims_a_published_order_and_is_on_the_incident()
    {
        await using var app = new GridCommandApp(new Dictionary<string, string?>
        {
            ["Simulation:Enabled"] = "true", ["Simulation:Guards"] = "4", ["Simulation:PatrolUnits"] = "1", ["Simulation:VolunteerTeams"] = "1",
            ["Simulation:Volunteers"] = "3", ["Simulation:IncidentsPerMinute"] = "0", ["Simulation:ChatMessagesPerMinute"] = "0",
        });
        var dispatcher = await app.StaffClient("dispatcher");
        // V00101 and V00102 are left to a person; V00103 is simulated.
        var volunteer = await Eventually.Until(() => dispatcher.Get("/api/units/V00103"),
            v => v.GetProperty("unit").Str("status") == "available" && v.GetProperty("unit").GetProperty("lat").ValueKind == JsonValueKind.Number,
            "the simulated volunteer on duty with a fix", TimeSpan.FromSeconds(30));
        var at = new GeoPoint(volunteer.GetProperty("unit").GetProperty("lat").GetDouble(), volunteer.GetProperty("unit").GetProperty("lon").GetDouble());
        var incident = (await dispatcher.CreateIncident("missing-person", at)).Id();

        var order = await dispatcher.Send(HttpMethod.Post, $"/api/incidents/{incident}/volunteer-orders", new { radiusMeters = 5000 }, HttpStatusCode.Created);
        Assert.True(order.GetProperty("notified").GetInt32() >= 1);
        await Eventually.Until(() => dispatcher.Get($"/api/incidents/{incident}/volunteer-orders"),
            list => list[0].Str("status") == "claimed" && list[0].Str("claimedBy") == "V00103", "the simulated volunteer's claim", TimeSpan.FromSeconds(40));
        var task = Assert.Single((await dispatcher.Get($"/api/incidents/{incident}")).GetProperty("tasks").EnumerateArray());
        Assert.Equal(("V00103", "volunteer"), (task.Str("unitId"), task.Str("unitKind")));
    }
}
