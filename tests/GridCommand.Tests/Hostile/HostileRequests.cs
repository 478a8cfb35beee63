using System.Net.Http.Headers;
using System.Text;

namespace GridCommand.Tests.Hostile;

/// <summary>
/// Requests as an attacker or a broken client sends them, drawn at random (from a seed, so a failure can be replayed):
/// every route, now and then with the wrong method; ids that are empty, encoded path tricks, NUL-laden, huge or foreign script; bodies
/// that are not JSON, the wrong JSON, deeply nested, huge, or NUL-laden; wrong content types; junk query strings; and
/// any of <see cref="HostileTokens"/>. Real ids of the test city are mixed in so that some requests get far enough.
/// </summary>
public sealed class HostileRequests(Random random, HostileTokens tokens, IReadOnlyList<string> realIds)
{
    private static readonly HttpMethod[] Methods =
        [HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Options, HttpMethod.Head];

    /// <summary>Every route with the method it answers to ("GET /api/units/{id}").</summary>
    private static readonly string[] Routes =
    [
        "GET /api/units", "GET /api/units/{id}", "PUT /api/units/{id}", "POST /api/units/{id}/position", "PUT /api/units/{id}/duty",
        "POST /api/incidents", "GET /api/incidents", "GET /api/incidents/{id}", "POST /api/incidents/{id}/dispatch",
        "POST /api/incidents/{id}/backup", "POST /api/incidents/{id}/close", "GET /api/incidents/{id}/recommendations",
        "GET /api/incidents/types", "GET /api/tasks/current", "POST /api/tasks/{id}/accept", "POST /api/tasks/{id}/decline",
        "POST /api/tasks/{id}/arrive", "POST /api/tasks/{id}/complete", "POST /api/tasks/{id}/cancel", "POST /api/tasks/{id}/reassign",
        "GET /api/cells", "GET /api/cells/{id}", "GET /api/stations", "GET /api/stations/{id}", "GET /api/kpis", "GET /api/config",
        "POST /api/auth/login", "POST /api/auth/device", "GET /api/auth/me", "GET /health", "GET /dashboard", "GET /dashboard/{id}",
        "GET /wall", "GET /dispatch", "GET /field", "GET /login", "POST /hubs/wall/negotiate", "POST /hubs/field/negotiate",
        "GET /{id}", "GET /api/{id}",
        "GET /api/incidents/{id}/replay", "GET /api/replay", "GET /replay",
        "POST /api/intake/messages", "GET /api/stations/{id}/intake", "POST /api/intake/{id}/incident", "POST /api/intake/{id}/dismiss",
        "PUT /api/intake/groups/{id}", "GET /api/intake/groups/{id}", "GET /api/intake/today", "POST /api/intake/connectors",
        "GET /api/cameras", "GET /api/cameras/{id}", "POST /api/cameras", "PUT /api/cameras/{id}", "DELETE /api/cameras/{id}",
        "POST /api/cameras/import", "GET /api/cameras/nearest", "GET /api/cameras/cells", "GET /api/cameras/alarms", "GET /api/incidents/{id}/cameras",
        "POST /api/intake/camera-alarms",
    ];

    private static readonly string[] Ids =
    [
        "", "%20", "..", "%2e%2e", "..%2f..%2fetc%2fpasswd", "%2e%2e%5c%2e%2e%5cwindows", "a%00b", "%00", "%ff%fe", "%c0%af",
        "%25", "%2F", "a;b", "a?b=c", "<script>alert(1)<%2Fscript>", "'%20OR%201=1--", "单位一", "🚓", "${jndi:ldap:x}",
        "CON", "null", "undefined", "-1", "0", "999999999999999999999", "I000101-000000-0000", "T.1",
        new('x', 65), new('y', 5000), "a%09b", "a%0d%0aSet-Cookie:x=y",
    ];

    private static readonly string[] Queries =
    [
        "", "?limit=-1", "?limit=abc", "?limit=99999999999", "?kind=spaceship", "?status=%00", "?status=open&status=closed",
        "?next=%2F%5Cevil.example", "?next=https://evil.example", "?access_token=junk", "?stationId=" + new string('s', 3000),
        "?kind=guard&limit=1e9", "?%00=%00",
    ];

    private static readonly string[] Values =
    [
        "", " ", "\u0000", "a\u0000b", "单位\u0000一", "\t\r\n", new('z', 70_000), "NaN", "Infinity", "-0", "1e400",
        "<img src=x onerror=alert(1)>", "'; DROP TABLE OrleansStorage; --", "../../etc/passwd", "\ud83d\ude93", "\u202egnp.exe",
    ];

    private static readonly string[] Fields =
    [
        "unitId", "deviceKey", "username", "password", "kind", "name", "stationId", "postName", "team", "onDuty", "lat", "lon",
        "accuracyM", "speedKmh", "headingDeg", "at", "type", "priority", "description", "source", "callerPhone", "divert",
        "resolution", "reason", "note", "taskId", "backup", "overrideDiversion", "by", "seq",
        "groupId", "cellId", "sender", "text", "connectorId",
    ];

    public HttpRequestMessage Next()
    {
        var (method, route) = Pick(Routes).Split(' ') is [var m, var r] ? (new HttpMethod(m), r) : throw new InvalidOperationException();
        if (random.Next(8) == 0) method = Pick(Methods); // now and then the wrong method
        route = route.Replace("{id}", random.Next(4) == 0 && realIds.Count > 0 ? Pick(realIds) : Pick(Ids));
        var request = new HttpRequestMessage(method, route + Pick(Queries));
        if (tokens.Pick(random) is { } authorization) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head && random.Next(5) != 0) request.Content = Body();
        return request;
    }

    private HttpContent Body()
    {
        var text = random.Next(12) switch
        {
            0 => "",
            1 => "{",
            2 => "[]",
            3 => "null",
            4 => "12345",
            5 => "\"just a string\"",
            6 => new string('[', 5000) + new string(']', 5000),
            7 => "{\"a\":" + string.Concat(Enumerable.Repeat("{\"a\":", 3000)) + "1" + new string('}', 3001),
            8 => "{\"unitId\":\"x\",\"unitId\":\"y\",\"lat\":32.4,\"lat\":\"north\"}",
            9 => random.Next(20) == 0 ? "{\"description\":\"" + new string('x', 3 * 1024 * 1024) + "\"}" : RandomObject(),
            _ => RandomObject(),
        };
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = random.Next(6) switch
        {
            0 => new MediaTypeHeaderValue("text/plain"),
            1 => new MediaTypeHeaderValue("application/x-www-form-urlencoded"),
            2 => MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x"),
            _ => new MediaTypeHeaderValue("application/json"),
        };
        return content;
    }

    /// <summary>An object of real field names with values of any type: the shape of a request, the content of an attack.</summary>
    private string RandomObject()
    {
        var fields = Enumerable.Range(0, random.Next(1, 8)).Select(_ => $"\"{Pick(Fields)}\":{RandomValue()}");
        return "{" + string.Join(",", fields) + "}";
    }

    private string RandomValue() => random.Next(8) switch
    {
        0 => "null",
        1 => random.Next(2) == 0 ? "true" : "false",
        2 => (random.NextDouble() * 400 - 200).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        3 => random.Next(int.MinValue, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
        4 => "[1,\"two\",{}]",
        5 => "{\"nested\":{\"deeper\":[null]}}",
        _ => System.Text.Json.JsonSerializer.Serialize(Pick(Values)),
    };

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
