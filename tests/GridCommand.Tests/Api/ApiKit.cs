using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using GridCommand.Rules.Geo;
using Microsoft.AspNetCore.SignalR.Client;

namespace GridCommand.Tests.Api;

/// <summary>
/// Separate neighbourhoods of the city, about 4 km apart, so tests sharing one app never see each other's units
/// (the test apps search at most <see cref="ApiKit.SearchMeters"/> around an incident) or merge each other's calls.
/// </summary>
public static class Areas
{
    private static readonly double[] Lats = [32.325, 32.365, 32.405, 32.445];
    private static readonly double[] Lons = [119.355, 119.400, 119.445, 119.490];

    public static GeoPoint Centre(int i) => new(Lats[i / Lons.Length], Lons[i % Lons.Length]);
}

/// <summary>A unit enrolled by the commander, logged in on its phone (REST client and token).</summary>
public sealed record FieldUnit(string UnitId, string DeviceKey, HttpClient Client, string Token);

public static class ApiKit
{
    public const string SearchMeters = "1500";

    /// <summary>Settings for apps whose tests share it: a smaller search radius keeps the test areas apart.</summary>
    public static Dictionary<string, string?> SharedSettings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["Dispatch:MaxSearchMeters"] = SearchMeters };
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    public static JsonContent Body(object body) => JsonContent.Create(body, options: GridCommandApp.Json);

    public static async Task<JsonElement> Json(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {expected}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> Send(this HttpClient client, HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : Body(body) };
        return await (await client.SendAsync(request)).Json(expected);
    }

    public static Task<JsonElement> Get(this HttpClient client, string path) => client.Send(HttpMethod.Get, path, null, HttpStatusCode.OK);

    /// <summary>Asserts a problem+json refusal with the given status and a readable detail or title.</summary>
    public static async Task<JsonElement> Problem(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Json(expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = body.TryGetProperty("detail", out var d) && d.GetString() is { Length: > 0 } detail ? detail
            : body.TryGetProperty("title", out var t) ? t.GetString() : null;
        Assert.False(string.IsNullOrWhiteSpace(text), $"problem without detail or title: {body.GetRawText()}");
        return body;
    }

    /// <summary>Enrols a unit, logs its phone in, reports a fix at <paramref name="at"/> and puts it on duty.</summary>
    public static async Task<FieldUnit> EnrolOnDuty(this GridCommandApp app, HttpClient commander, string unitId, string kind, GeoPoint at,
        string? team = null)
    {
        var enrolled = await commander.Send(HttpMethod.Put, $"/api/units/{unitId}", new { kind, name = $"Test {unitId}", team }, HttpStatusCode.OK);
        var key = enrolled.GetProperty("deviceKey").GetString()!;
        var (client, token) = await app.DeviceClient(unitId, key);
        await client.Send(HttpMethod.Post, $"/api/units/{unitId}/position", new { lat = at.Lat, lon = at.Lon }, HttpStatusCode.Accepted);
        await client.Send(HttpMethod.Put, $"/api/units/{unitId}/duty", new { onDuty = true }, HttpStatusCode.OK);
        return new FieldUnit(unitId, key, client, token);
    }

    public static async Task<JsonElement> CreateIncident(this HttpClient client, string type, GeoPoint at, int priority = 2, bool? divert = null,
        string? requestId = null) =>
        await client.Send(HttpMethod.Post, "/api/incidents",
            new { type, priority, lat = at.Lat, lon = at.Lon, description = $"test {type}", divert, requestId }, HttpStatusCode.Created);

    public static string Id(this JsonElement e) => e.GetProperty("id").GetString()!;

    public static string Str(this JsonElement e, string property) => e.GetProperty(property).GetString()!;

    /// <summary>The recommendations once the cells have heard of the expected units (rosters are updated by messages).</summary>
    public static Task<JsonElement> RecommendationsOnce(this HttpClient client, string incidentId, int count, string query = "") =>
        Eventually.Until(() => client.Get($"/api/incidents/{incidentId}/recommendations?limit=10{query}"),
            r => r.GetArrayLength() >= count, $"{count} recommendations for {incidentId}");

    public static IEnumerable<string> UnitIds(this JsonElement recommendations) =>
        recommendations.EnumerateArray().Select(r => r.Str("unitId"));

    /// <summary>Completes when the hub connection is closed (by the server: a test client does not reconnect by itself).</summary>
    public static Task ClosedSignal(this HubConnection hub)
    {
        var closed = new TaskCompletionSource();
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }

    public static IEnumerable<string> Steps(this JsonElement incident) =>
        incident.GetProperty("timeline").EnumerateArray().Select(t => t.Str("what"));
}

/// <summary>A unit's phone on /hubs/field: collects "task" and "taskWithdrawn" messages.</summary>
public sealed class FieldPhone : IAsyncDisposable
{
    private readonly Channel<JsonElement> _tasks = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> _withdrawn = Channel.CreateUnbounded<JsonElement>();

    private FieldPhone(HubConnection hub)
    {
        Hub = hub;
        hub.On<JsonElement>("task", t => _tasks.Writer.TryWrite(t));
        hub.On<JsonElement>("taskWithdrawn", t => _withdrawn.Writer.TryWrite(t));
    }

    public HubConnection Hub { get; }

    public static async Task<FieldPhone> Connect(GridCommandApp app, FieldUnit unit)
    {
        var phone = new FieldPhone(app.Hub("/hubs/field", unit.Token));
        await phone.Hub.StartAsync();
        return phone;
    }

    public Task<JsonElement> NextTask(TimeSpan? within = null) => Next(_tasks, "task", within);

    public Task<JsonElement> NextWithdrawal(TimeSpan? within = null) => Next(_withdrawn, "taskWithdrawn", within);

    /// <summary>Waits a moment and asserts that no further message came.</summary>
    public async Task AssertQuiet(TimeSpan wait)
    {
        await Task.Delay(wait);
        Assert.False(_tasks.Reader.TryRead(out var task), $"unexpected task {task}");
        Assert.False(_withdrawn.Reader.TryRead(out var withdrawn), $"unexpected taskWithdrawn {withdrawn}");
    }

    internal static async Task<JsonElement> Next(Channel<JsonElement> channel, string what, TimeSpan? within)
    {
        using var cts = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(10));
        try
        {
            return await channel.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"no {what} message arrived");
        }
    }

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
