using System.Net;

namespace GridCommand.Tests.Api;

/// <summary>A client per role: none, the four staff roles, one unit's device and a chat-group connector.</summary>
public sealed class RoleApp : SharedApp
{
    public const string UnitId = "role-unit";
    public Dictionary<string, HttpClient> Clients { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var key = (await Commander.Send(HttpMethod.Put, $"/api/units/{UnitId}", new { kind = "guard", name = "Role guard" }, HttpStatusCode.OK))
            .Str("deviceKey");
        Clients["none"] = App.CreateClient();
        foreach (var role in new[] { "commander", "dispatcher", "station", "wall" }) Clients[role] = await App.StaffClient(role);
        Clients["device"] = (await App.DeviceClient(UnitId, key)).Client;
        Clients["connector"] = await ChatIntakeApp.ConnectorClient(App, Commander, "role-connector");
    }
}

/// <summary>Every endpoint against every role: 401 without a token, 403 for a role not allowed, neither for an allowed one.</summary>
public sealed class RoleMatrixTests(RoleApp fx) : IClassFixture<RoleApp>
{
    private const string Anyone = "none commander dispatcher station wall device connector";
    private const string Staff = "commander dispatcher station";
    /// <summary>What the wall screen draws: the staff may read it too.</summary>
    private const string WallScreen = Staff + " wall";
    private const string Reporters = "commander dispatcher station";
    private const string Dispatchers = "commander dispatcher";
    private const string Device = "device";
    private const string Connector = "connector";
    private const string Incident = "I000101-000000-0000";
    private const string Task = Incident + ".T1";

    /// <summary>
    /// Method, path, body (null: none) and who may call it. Bodies and ids are chosen so an allowed call is refused
    /// further on (400/404) or only reads, and the matrix changes nothing.
    /// </summary>
    private static readonly (string Method, string Path, object? Body, string Allowed)[] Endpoints =
    [
        ("POST", "/api/auth/login", new { }, Anyone),
        ("POST", "/api/auth/device", new { }, Anyone),
        ("GET", "/health", null, Anyone),
        ("GET", "/api/auth/me", null, WallScreen + " " + Device + " " + Connector),
        ("POST", "/api/auth/renew", null, "wall " + Device),
        ("POST", "/api/users/role-nobody/disable", null, "commander"),
        ("POST", "/api/users/role-nobody/enable", null, "commander"),
        ("GET", "/openapi/v1.json", null, Anyone),
        ("GET", "/api/units", null, Staff),
        ("GET", $"/api/units/{RoleApp.UnitId}", null, Staff),
        ("PUT", "/api/units/role-new-unit", new { }, "commander"),
        ("POST", $"/api/units/{RoleApp.UnitId}/position", new { }, Device),
        ("PUT", $"/api/units/{RoleApp.UnitId}/duty", new { }, "device commander dispatcher"),
        ("POST", "/api/incidents", new { }, Reporters),
        ("GET", "/api/incidents?status=open", null, Staff),
        ("GET", "/api/incidents/types", null, Staff),
        ("GET", $"/api/incidents/{Incident}", null, Staff),
        ("GET", $"/api/incidents/{Incident}/recommendations?limit=5", null, Reporters),
        ("POST", $"/api/incidents/{Incident}/dispatch", new { }, Dispatchers),
        ("POST", $"/api/incidents/{Incident}/backup", new { }, Dispatchers),
        ("POST", $"/api/incidents/{Incident}/close", new { }, Dispatchers),
        ("GET", "/api/tasks/current", null, Device),
        ("POST", $"/api/tasks/{Task}/accept", new { }, Device),
        ("POST", $"/api/tasks/{Task}/decline", new { }, Device),
        ("POST", $"/api/tasks/{Task}/arrive", new { }, Device),
        ("POST", $"/api/tasks/{Task}/complete", new { }, Device),
        ("POST", $"/api/tasks/{Task}/cancel", new { }, Dispatchers),
        ("POST", $"/api/tasks/{Task}/reassign", new { }, Dispatchers),
        ("GET", "/api/cells", null, WallScreen),
        ("GET", "/api/cells/C00-00", null, Staff),
        ("GET", "/api/cells/C00-00/view", null, WallScreen),
        ("PUT", "/api/cells/X99-99/grid-worker", new { }, "commander"),
        ("GET", "/api/stations", null, WallScreen),
        ("GET", "/api/stations/S01", null, Staff),
        ("GET", "/api/kpis", null, WallScreen),
        ("GET", $"/api/incidents/{Incident}/replay", null, Staff),
        ("GET", "/api/replay", null, Staff),
        ("POST", "/api/checkins", new { }, Device),
        ("GET", "/api/checkins", null, Staff),
        ("GET", "/api/cells/C00-00/checkins", null, Staff),
        ("GET", "/api/checkins/K-none/photo", null, Staff),
        ("GET", "/metrics", null, "commander"),
        ("POST", "/api/intake/messages", new { }, Connector),
        ("PUT", "/api/intake/groups/role-group", new { }, "commander"),
        ("GET", "/api/intake/groups/role-group", null, Staff),
        ("GET", "/api/stations/S01/intake", null, Staff),
        ("POST", "/api/intake/S01.M1/incident", null, Reporters),
        ("POST", "/api/intake/S01.M1/dismiss", null, Reporters),
        ("GET", "/api/intake/today", null, WallScreen),
        ("POST", "/api/intake/connectors", new { }, "commander"),
        ("POST", "/api/intake/connectors/role-nobody/revoke", null, "commander"),
        ("POST", $"/api/incidents/{Incident}/volunteer-orders", new { }, Dispatchers),
        ("GET", $"/api/incidents/{Incident}/volunteer-orders", null, Staff),
        ("GET", "/api/volunteer-orders", null, Staff),
        ("GET", "/api/volunteer-orders/near-me", null, Device),
        ("POST", "/api/volunteer-orders/O-none/claim", null, Device),
        ("POST", "/api/volunteer-orders/O-none/complete", null, Device),
        ("POST", "/api/volunteer-orders/O-none/cancel", null, Dispatchers),
        ("GET", "/api/volunteer-teams", null, Staff),
        ("GET", "/api/cameras", null, WallScreen),
        ("GET", "/api/cameras/cells", null, WallScreen),
        ("GET", "/api/cameras/alarms", null, WallScreen),
        ("GET", "/api/cameras/role-none", null, WallScreen),
        ("GET", "/api/cameras/nearest", null, Staff),
        ("GET", $"/api/incidents/{Incident}/cameras", null, Staff),
        ("POST", "/api/cameras", new { }, Dispatchers),
        ("PUT", "/api/cameras/role-none", new { }, Dispatchers),
        ("DELETE", "/api/cameras/role-none", null, Dispatchers),
        ("POST", "/api/cameras/import", new { }, Dispatchers),
        ("POST", "/api/intake/camera-alarms", new { }, Connector),
        ("POST", "/hubs/field/negotiate?negotiateVersion=1", null, Device),
        ("POST", "/hubs/wall/negotiate?negotiateVersion=1", null, WallScreen),
    ];

    public static TheoryData<string> EndpointNames => new(Endpoints.Select(e => $"{e.Method} {e.Path}"));

    [Theory]
    [MemberData(nameof(EndpointNames))]
    public async Task Each_role_gets_what_it_may(string endpoint)
    {
        var (method, path, body, allowed) = Endpoints.Single(e => $"{e.Method} {e.Path}" == endpoint);
        var wrong = new List<string>();
        foreach (var (role, client) in fx.Clients)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body is null ? null : ApiKit.Body(body) };
            using var response = await client.SendAsync(request);
            var status = response.StatusCode;
            var ok = allowed.Split(' ').Contains(role)
                ? status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.InternalServerError)
                : status == (role == "none" ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden);
            if (!ok) wrong.Add($"{role}: {(int)status}");
        }
        Assert.True(wrong.Count == 0, $"{endpoint} (allowed: {allowed}) answered {string.Join(", ", wrong)}");
    }

    [Fact]
    public void The_table_covers_every_role() =>
        Assert.All(Anyone.Split(' '), role => Assert.Contains(role, fx.Clients.Keys));

    [Fact]
    public async Task The_openapi_document_lists_the_public_api()
    {
        var doc = await fx.Clients["none"].Get("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        string[] expected =
        [
            "/api/auth/login", "/api/auth/device", "/api/units", "/api/units/{unitId}", "/api/units/{unitId}/position", "/api/units/{unitId}/duty",
            "/api/incidents", "/api/incidents/{id}", "/api/incidents/{id}/recommendations", "/api/incidents/{id}/dispatch",
            "/api/incidents/{id}/backup", "/api/incidents/{id}/close", "/api/tasks/{taskId}/accept", "/api/tasks/{taskId}/decline",
            "/api/tasks/{taskId}/arrive", "/api/tasks/{taskId}/complete", "/api/tasks/{taskId}/cancel", "/api/tasks/{taskId}/reassign",
            "/api/cells/{cellId}", "/api/stations", "/api/stations/{stationId}", "/api/auth/renew", "/api/users/{username}/disable",
            "/api/users/{username}/enable", "/api/cells/{cellId}/view", "/api/cells/{cellId}/grid-worker",
            "/api/intake/messages", "/api/stations/{stationId}/intake", "/api/intake/{candidateId}/incident", "/api/intake/{candidateId}/dismiss",
            "/api/intake/groups/{groupId}", "/api/intake/today", "/api/intake/connectors",
            "/api/checkins", "/api/cells/{cellId}/checkins", "/api/checkins/{id}/photo",
            "/api/incidents/{id}/volunteer-orders", "/api/volunteer-orders", "/api/volunteer-orders/near-me", "/api/volunteer-orders/{id}/claim",
            "/api/volunteer-orders/{id}/complete", "/api/volunteer-orders/{id}/cancel", "/api/volunteer-teams",
            "/api/cameras", "/api/cameras/{id}", "/api/cameras/import", "/api/cameras/nearest", "/api/cameras/cells", "/api/cameras/alarms", "/api/incidents/{id}/cameras",
            "/api/intake/camera-alarms",
        ];
        var missing = expected.Where(p => !paths.Contains(p) && !paths.Contains(p + "/")).ToList();
        Assert.True(missing.Count == 0, $"missing from OpenAPI: {string.Join(", ", missing)}");
    }
}
