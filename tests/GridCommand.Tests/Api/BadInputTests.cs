using System.Net;
using System.Text;
using System.Text.Json;
using GridCommand.Silo.Storage;

namespace GridCommand.Tests.Api;

/// <summary>A city with two units on duty and one incident dispatched to the first: the state bad requests must leave alone.</summary>
public sealed class BadInputApp : SharedApp
{
    public FieldUnit Car { get; private set; } = null!;
    public FieldUnit Guard { get; private set; } = null!;
    public HttpClient Station { get; private set; } = null!;
    public HttpClient Wall { get; private set; } = null!;
    public HttpClient Anonymous { get; private set; } = null!;
    public string IncidentId { get; private set; } = "";
    public string TaskId { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var scene = Areas.Centre(0);
        Car = await App.EnrolOnDuty(Commander, "bad-car", "patrol-car", scene.Offset(500, 0));
        Guard = await App.EnrolOnDuty(Commander, "bad-guard", "guard", scene.Offset(300, 90));
        Station = await App.StaffClient("station");
        Wall = await App.StaffClient("wall");
        Anonymous = App.CreateClient();
        IncidentId = (await Dispatcher.CreateIncident("theft", scene)).Id();
        await Dispatcher.RecommendationsOnce(IncidentId, 2);
        TaskId = (await Dispatcher.Send(HttpMethod.Post, $"/api/incidents/{IncidentId}/dispatch", new { unitId = Car.UnitId }, HttpStatusCode.OK))
            .Str("taskId");
    }

    /// <summary>What a refused request must not change: stored incidents, the incident's log, both units as their grains see them.</summary>
    public async Task<string> State()
    {
        var storage = App.Service<GridDatabase>();
        var incidents = await storage.Grains.ReadAllAsync("incident");
        var events = await storage.Events.ReadAsync("incident", IncidentId);
        var units = await Task.WhenAll(new[] { Car, Guard }.Select(u => Dispatcher.Get($"/api/units/{u.UnitId}")));
        var unitStates = units.Select(u => u.GetProperty("unit")).Select(u =>
            $"{u.Str("unitId")}:{u.Str("status")}:{u.GetProperty("lat")}:{u.GetProperty("lon")}:{u.GetProperty("taskId")}:{u.GetProperty("seq")}");
        return $"incidents={incidents.Count} versions={string.Join(",", incidents.Select(i => i.Version).Order())} events={events.Count} "
               + string.Join(" ", unitStates);
    }
}

/// <summary>Bad input gets a 4xx problem+json answer, never a 500, and changes nothing.</summary>
public sealed class BadInputTests(BadInputApp fx) : IClassFixture<BadInputApp>
{
    public sealed record Case(Func<BadInputApp, HttpClient> Client, HttpMethod Method, Func<BadInputApp, string> Path, Func<BadInputApp, HttpContent?> Body,
        HttpStatusCode Expected);

    private static HttpContent Json(object body) => ApiKit.Body(body);

    private static HttpContent Raw(string text) => new StringContent(text, Encoding.UTF8, "application/json");

    private static object Incident(double lat = 32.39, double lon = 119.42, string type = "theft", int? priority = 2, string? description = null,
        string? source = null) => new { type, priority, lat, lon, description, source };

    private static readonly Dictionary<string, Case> Cases = new()
    {
        // Reports (POST /api/incidents)
        ["outside the city (south)"] = new(f => f.Dispatcher, HttpMethod.Post, _ => "/api/incidents", _ => Json(Incident(lat: 31.0)), HttpStatusCode.BadRequest),
        ["outside the city (east)"] = new(f => f.Dispatcher, HttpMethod.Post, _ => "/api/incidents", _ => Json(Incident(lon: 119.6)), HttpStatusCode.BadRequest),
        ["missing coordinates"] = new(f => f.Dispatcher, HttpMethod.Post, _ => "/api/incidents", _ => Json(new { type = "theft", priority = 2 }), HttpStatusCode.BadRequest),
        ["unknown type"] = new(f => f.Dispatcher, HttpMethod.Post, _ => "/api/incidents", _ => Json(Incident(type: "alien-landing")), HttpStatusCode.BadRequest),
        ["missing priority"] = new(f => f.Dispatcher, HttpMethod.Post, _ => "/api/incidents", _ => Json(Incident(priority: null)), HttpStatusCode.BadRequest),
        ["priority out of range"] = new(f => f.Dispatcher, HttpMethod.Post, _ => "/api/incidents", _ => Json(Incident(priority: 4)), HttpStatusCode.BadRequest),
        ["unknown source"] = new(f => f.Dispatcher, HttpMethod.Post, _ => "/api/incidents", _ => Json(Incident(source: "telepathy")), HttpStatusCode.BadRequest),
        ["2 MB description"] = new(f => f.Dispatcher, HttpMethod.Post, _ => "/api/incidents", _ => Json(Incident(description: new string('x', 2 * 1024 * 1024))), HttpStatusCode.BadRequest),
        ["malformed JSON"] = new(f => f.Dispatcher, HttpMethod.Post, _ => "/api/incidents", _ => Raw("{\"type\": \"theft\", \"priority\": "), HttpStatusCode.BadRequest),
        ["wrongly typed field"] = new(f => f.Dispatcher, HttpMethod.Post, _ => "/api/incidents", _ => Raw("{\"type\":\"theft\",\"priority\":\"high\",\"lat\":32.39,\"lon\":119.42}"), HttpStatusCode.BadRequest),
        ["no body"] = new(f => f.Dispatcher, HttpMethod.Post, _ => "/api/incidents", _ => null, HttpStatusCode.BadRequest),
        // Unknown ids
        ["unknown incident id"] = new(f => f.Dispatcher, HttpMethod.Get, _ => "/api/incidents/I000101-000000-0000", _ => null, HttpStatusCode.NotFound),
        ["dispatch to an unknown incident"] = new(f => f.Dispatcher, HttpMethod.Post, _ => "/api/incidents/I000101-000000-0000/dispatch", _ => Json(new { }), HttpStatusCode.NotFound),
        ["recommendations for an unknown incident"] = new(f => f.Dispatcher, HttpMethod.Get, _ => "/api/incidents/I000101-000000-0000/recommendations", _ => null, HttpStatusCode.NotFound),
        ["close an unknown incident"] = new(f => f.Dispatcher, HttpMethod.Post, _ => "/api/incidents/I000101-000000-0000/close", _ => Json(new { resolution = "x" }), HttpStatusCode.NotFound),
        ["dispatch an unknown unit"] = new(f => f.Dispatcher, HttpMethod.Post, f => $"/api/incidents/{f.IncidentId}/backup", _ => Json(new { unitId = "no-such-unit" }), HttpStatusCode.NotFound),
        ["unknown task id"] = new(f => f.Car.Client, HttpMethod.Post, _ => "/api/tasks/nonsense/accept", _ => Json(new { }), HttpStatusCode.NotFound),
        ["unknown task of a real incident"] = new(f => f.Car.Client, HttpMethod.Post, f => $"/api/tasks/{f.IncidentId}.T9/accept", _ => Json(new { }), HttpStatusCode.NotFound),
        ["cancel an unknown task"] = new(f => f.Dispatcher, HttpMethod.Post, f => $"/api/tasks/{f.IncidentId}.T9/cancel", _ => Json(new { }), HttpStatusCode.NotFound),
        ["unknown unit"] = new(f => f.Dispatcher, HttpMethod.Get, _ => "/api/units/no-such-unit", _ => null, HttpStatusCode.NotFound),
        ["unknown cell"] = new(f => f.Dispatcher, HttpMethod.Get, _ => "/api/cells/X99-99", _ => null, HttpStatusCode.NotFound),
        ["unknown station"] = new(f => f.Dispatcher, HttpMethod.Get, _ => "/api/stations/S99", _ => null, HttpStatusCode.NotFound),
        // Other bad values
        ["recommendation limit 0"] = new(f => f.Dispatcher, HttpMethod.Get, f => $"/api/incidents/{f.IncidentId}/recommendations?limit=0", _ => null, HttpStatusCode.BadRequest),
        ["recommendation of an unknown kind"] = new(f => f.Dispatcher, HttpMethod.Get, f => $"/api/incidents/{f.IncidentId}/recommendations?kind=tank", _ => null, HttpStatusCode.BadRequest),
        ["unknown status filter"] = new(f => f.Dispatcher, HttpMethod.Get, _ => "/api/incidents?status=sleeping", _ => null, HttpStatusCode.BadRequest),
        ["close without a resolution"] = new(f => f.Dispatcher, HttpMethod.Post, f => $"/api/incidents/{f.IncidentId}/close", _ => Json(new { }), HttpStatusCode.BadRequest),
        ["a second dispatch without backup"] = new(f => f.Dispatcher, HttpMethod.Post, f => $"/api/incidents/{f.IncidentId}/dispatch", _ => Json(new { }), HttpStatusCode.Conflict),
        ["a 2 MB decline reason"] = new(f => f.Car.Client, HttpMethod.Post, f => $"/api/tasks/{f.TaskId}/decline", _ => Json(new { reason = new string('x', 2 * 1024 * 1024) }), HttpStatusCode.BadRequest),
        ["complete before arriving"] = new(f => f.Car.Client, HttpMethod.Post, f => $"/api/tasks/{f.TaskId}/complete", _ => Json(new { }), HttpStatusCode.Conflict),
        ["enrol a unit of an unknown kind"] = new(f => f.Commander, HttpMethod.Put, _ => "/api/units/bad-kind", _ => Json(new { kind = "tank", name = "T" }), HttpStatusCode.BadRequest),
        ["enrol a unit with a bad id"] = new(f => f.Commander, HttpMethod.Put, _ => "/api/units/bad%20id", _ => Json(new { kind = "guard", name = "G" }), HttpStatusCode.BadRequest),
        ["own position outside the city"] = new(f => f.Car.Client, HttpMethod.Post, f => $"/api/units/{f.Car.UnitId}/position", _ => Json(new { lat = 40.0, lon = 116.4 }), HttpStatusCode.BadRequest),
        ["own position without coordinates"] = new(f => f.Car.Client, HttpMethod.Post, f => $"/api/units/{f.Car.UnitId}/position", _ => Json(new { }), HttpStatusCode.BadRequest),
        ["going off duty with a task"] = new(f => f.Car.Client, HttpMethod.Put, f => $"/api/units/{f.Car.UnitId}/duty", _ => Json(new { onDuty = false }), HttpStatusCode.Conflict),
        // Someone else's things
        ["another unit's task"] = new(f => f.Guard.Client, HttpMethod.Post, f => $"/api/tasks/{f.TaskId}/accept", _ => Json(new { }), HttpStatusCode.Forbidden),
        ["another unit's position"] = new(f => f.Guard.Client, HttpMethod.Post, f => $"/api/units/{f.Car.UnitId}/position", _ => Json(new { lat = 32.39, lon = 119.42 }), HttpStatusCode.Forbidden),
        ["another unit's duty"] = new(f => f.Guard.Client, HttpMethod.Put, f => $"/api/units/{f.Car.UnitId}/duty", _ => Json(new { onDuty = false }), HttpStatusCode.Forbidden),
        // Wrong role, no token, bad credentials
        ["wrong role: station dispatches"] = new(f => f.Station, HttpMethod.Post, f => $"/api/incidents/{f.IncidentId}/backup", _ => Json(new { }), HttpStatusCode.Forbidden),
        ["wrong role: wall reports"] = new(f => f.Wall, HttpMethod.Post, _ => "/api/incidents", _ => Json(Incident()), HttpStatusCode.Forbidden),
        ["wrong role: device reports"] = new(f => f.Car.Client, HttpMethod.Post, _ => "/api/incidents", _ => Json(Incident()), HttpStatusCode.Forbidden),
        ["wrong role: dispatcher answers a task"] = new(f => f.Dispatcher, HttpMethod.Post, f => $"/api/tasks/{f.TaskId}/decline", _ => Json(new { }), HttpStatusCode.Forbidden),
        ["no token"] = new(f => f.Anonymous, HttpMethod.Post, _ => "/api/incidents", _ => Json(Incident()), HttpStatusCode.Unauthorized),
        ["wrong password"] = new(f => f.Anonymous, HttpMethod.Post, _ => "/api/auth/login", _ => Json(new { username = "dispatcher", password = "nope" }), HttpStatusCode.Unauthorized),
        ["wrong device key"] = new(f => f.Anonymous, HttpMethod.Post, _ => "/api/auth/device", f => Json(new { unitId = f.Car.UnitId, deviceKey = "guess" }), HttpStatusCode.Unauthorized),
        ["device login for an unknown unit"] = new(f => f.Anonymous, HttpMethod.Post, _ => "/api/auth/device", _ => Json(new { unitId = "ghost", deviceKey = "guess" }), HttpStatusCode.Unauthorized),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Bad_input_is_refused_with_a_problem_and_changes_nothing(string name)
    {
        var c = Cases[name];
        var before = await fx.State();

        using var request = new HttpRequestMessage(c.Method, c.Path(fx)) { Content = c.Body(fx) };
        using var response = await c.Client(fx).SendAsync(request);

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        await response.Problem(c.Expected);
        Assert.Equal(before, await fx.State());
    }

    [Fact]
    public async Task The_fixture_task_is_still_assigned_to_the_car_after_all_that()
    {
        var incident = await fx.Dispatcher.Get($"/api/incidents/{fx.IncidentId}");
        var task = Assert.Single(incident.GetProperty("tasks").EnumerateArray());
        Assert.Equal((fx.Car.UnitId, "assigned"), (task.Str("unitId"), task.Str("status")));
        Assert.Equal(JsonValueKind.Null, (await fx.Dispatcher.Get($"/api/units/{fx.Guard.UnitId}")).GetProperty("unit").GetProperty("taskId").ValueKind);
    }
}
