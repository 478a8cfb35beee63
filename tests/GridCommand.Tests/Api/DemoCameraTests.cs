using System.Net;
using System.Text.Json;
using GridCommand.Silo.Demo;

namespace GridCommand.Tests.Api;

/// <summary>The demo city has its cameras, and its video platform raises alarms that reach the stations' queues.</summary>
public sealed class DemoCameraTests
{
    [Fact]
    public async Task The_demo_cameras_are_in_the_catalogue_and_their_alarms_are_queued_at_stations()
    {
        await using var app = new GridCommandApp(new Dictionary<string, string?>
        {
            ["Simulation:Enabled"] = "true", ["Simulation:Guards"] = "20", ["Simulation:PatrolUnits"] = "4", ["Simulation:VolunteerTeams"] = "0",
            ["Simulation:IncidentsPerMinute"] = "0", ["Simulation:ChatMessagesPerMinute"] = "0", ["Simulation:CameraAlarmsPerMinute"] = "600",
        });
        var commander = await app.StaffClient("commander");
        await Eventually.Until(() => commander.Get("/api/cameras/cells"), cells => cells.EnumerateArray().Sum(c => c.GetProperty("count").GetInt32()) == DemoCameras.Count,
            "the demo cameras seeded");
        var first = (await commander.Get("/api/cameras?limit=1"))[0];
        Assert.Equal("CAM00001", first.Id());
        Assert.StartsWith("https://video.demo.invalid/", first.Str("streamUrl"));

        var stations = (await commander.Get("/api/stations")).EnumerateArray().Select(s => s.Str("stationId")).ToList();
        await Eventually.Until(async () =>
        {
            var fromCameras = 0;
            foreach (var station in stations)
                fromCameras += (await commander.Send(HttpMethod.Get, $"/api/stations/{station}/intake", null, HttpStatusCode.OK)).EnumerateArray()
                    .Count(c => c.GetProperty("cameraId").ValueKind == JsonValueKind.String);
            return fromCameras;
        }, n => n > 0, "camera candidates queued at some station");
    }
}
