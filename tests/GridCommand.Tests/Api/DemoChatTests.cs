using System.Net;

namespace GridCommand.Tests.Api;

/// <summary>The demo city's chat groups post by themselves, so the intake tab and the wall's figures have something to show.</summary>
public sealed class DemoChatTests
{
    [Fact]
    public async Task The_simulated_groups_post_messages_that_are_counted_and_queued_at_stations()
    {
        await using var app = new GridCommandApp(new Dictionary<string, string?>
        {
            ["Simulation:Enabled"] = "true", ["Simulation:Guards"] = "20", ["Simulation:PatrolUnits"] = "4", ["Simulation:VolunteerTeams"] = "0",
            ["Simulation:IncidentsPerMinute"] = "0", ["Simulation:ChatMessagesPerMinute"] = "600",
        });
        var commander = await app.StaffClient("commander");
        await Eventually.Until(() => commander.Get("/api/intake/today"), t => t.GetProperty("candidates").GetInt32() > 0, "simulated chat messages queued");

        var stations = (await commander.Get("/api/stations")).EnumerateArray().Select(s => s.Str("stationId")).ToList();
        var queued = 0;
        foreach (var station in stations)
            queued += (await commander.Send(HttpMethod.Get, $"/api/stations/{station}/intake", null, HttpStatusCode.OK)).GetArrayLength();
        Assert.True(queued > 0, "some station has chat candidates");
    }
}
