using System.Net;
using System.Text.Json;
using GridCommand.Rules.Geo;

namespace GridCommand.Tests.Api;

/// <summary>An app whose silo samples tracks every second and saves them every second, so a test sees them at once.</summary>
public sealed class QuickTracksApp() : SharedApp(ReplayScenario.QuickTracks);

/// <summary>What the replay tests replay: a car sent to an incident, driving there, dealing with it, the incident closed.</summary>
public static class ReplayScenario
{
    public static Dictionary<string, string?> QuickTracks => ApiKit.SharedSettings(("Tracks:SampleInterval", "00:00:01"), ("Tracks:SaveInterval", "00:00:01"));

    /// <summary>An incident run from open to closed by a car that drives to it: returns the incident's id and the car.</summary>
    public static async Task<(string IncidentId, FieldUnit Car)> IncidentDrivenTo(GridCommandApp app, HttpClient commander, HttpClient dispatcher, string carId, GeoPoint scene)
    {
        var start = scene.Offset(800, 0);
        var car = await app.EnrolOnDuty(commander, carId, "patrol-car", start);
        var id = (await dispatcher.CreateIncident("theft", scene)).Id();
        await dispatcher.RecommendationsOnce(id, 1);
        var taskId = (await dispatcher.Send(HttpMethod.Post, $"/api/incidents/{id}/dispatch", new { unitId = carId }, HttpStatusCode.OK)).Str("taskId");
        await car.Client.Send(HttpMethod.Post, $"/api/tasks/{taskId}/accept", null, HttpStatusCode.OK);
        for (var m = 200; m <= 800; m += 200)
        {
            await Task.Delay(1100); // a point a second at most
            var p = start.Offset(m, 180);
            await car.Client.Send(HttpMethod.Post, $"/api/units/{carId}/position", new { lat = p.Lat, lon = p.Lon }, HttpStatusCode.Accepted);
        }
        await car.Client.Send(HttpMethod.Post, $"/api/tasks/{taskId}/arrive", null, HttpStatusCode.OK);
        await car.Client.Send(HttpMethod.Post, $"/api/tasks/{taskId}/complete", new { note = "found the bicycle" }, HttpStatusCode.OK);
        await dispatcher.Send(HttpMethod.Post, $"/api/incidents/{id}/close", new { resolution = "returned to its owner" }, HttpStatusCode.OK);
        return (id, car);
    }

    /// <summary>The incident's replay once its car's track is saved to its return from the scene.</summary>
    public static Task<JsonElement> SavedReplay(HttpClient staff, string incidentId) =>
        Eventually.Until(() => staff.Get($"/api/incidents/{incidentId}/replay"),
            r => r.GetProperty("units").EnumerateArray().Any(u => Statuses(u).Contains("on-scene") && Statuses(u).Last() == "available"),
            "the car's track saved to its return", TimeSpan.FromSeconds(30)); // a loaded machine's SQLite may take a few tries to save the unit's steps

    public static IEnumerable<string> Statuses(JsonElement unit) => unit.GetProperty("points").EnumerateArray().Select(p => p.Str("status"));
}
