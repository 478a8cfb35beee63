using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace GridCommand.Bench;

/// <summary>
/// Some of the fleet's units with their phone on /hubs/field. A dispatcher sends each in turn to an incident opened
/// where it stands, and times the dispatch (the click) until the task is on the phone; then closes the incident,
/// which frees the unit and keeps the next incident from being merged into it as a repeat call.
/// </summary>
public sealed class Phones : IAsyncDisposable
{
    private readonly List<HubConnection> _hubs = [];
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new();
    private readonly Fleet _fleet;
    private readonly int[] _units;

    private Phones(Fleet fleet, int[] units)
    {
        _fleet = fleet;
        _units = units;
    }

    public Latencies DispatchToPhone { get; } = new();

    /// <summary>Dispatches the server refused (409: the unit was taken or between fixes): a dispatcher would pick another.</summary>
    public int Refused { get; private set; }

    /// <summary>Dispatches whose task never reached the phone within 10 s.</summary>
    public int Lost { get; private set; }

    public static async Task<Phones> ConnectAsync(Uri baseUrl, Fleet fleet, int count)
    {
        var phones = new Phones(fleet, Enumerable.Range(0, Math.Min(count, fleet.Ids.Length)).Select(i => i * (fleet.Ids.Length / Math.Max(1, count))).ToArray());
        foreach (var unit in phones._units)
        {
            var unitId = fleet.Ids[unit];
            var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(baseUrl, "/hubs/field"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(fleet.Devices[unit]))
                .Build();
            hub.On<JsonElement>("task", _ =>
            {
                if (phones._waiting.TryRemove(unitId, out var arrived)) arrived.TrySetResult();
            });
            await hub.StartAsync();
            phones._hubs.Add(hub);
        }
        return phones;
    }

    /// <summary>Dispatches the phones' units one after another, every <paramref name="every"/>, until told to stop.</summary>
    public async Task DispatchUntil(GridClient client, string dispatcher, TimeSpan every, CancellationToken stop)
    {
        string[] types = ["fight", "theft", "fraud", "traffic-accident", "dispute", "suspicious-person"];
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var unit = _units[n % _units.Length];
            try
            {
                await DispatchOnce(client, dispatcher, unit, types[n % types.Length]);
            }
            catch (HttpRequestException)
            {
                Refused++;
            }
            catch (TimeoutException)
            {
                Lost++;
            }
            try
            {
                await Task.Delay(every, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private async Task DispatchOnce(GridClient client, string dispatcher, int unit, string type)
    {
        var unitId = _fleet.Ids[unit];
        var (lat, lon) = _fleet.Position(unit);
        var incident = await client.Send(HttpMethod.Post, "/api/incidents", dispatcher,
            new { type, priority = 2, lat, lon, description = "基准测试", divert = false, requestId = Guid.NewGuid().ToString() });
        var id = incident.GetProperty("id").GetString();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[unitId] = arrived;
        var clock = Stopwatch.StartNew();
        await client.Send(HttpMethod.Post, $"/api/incidents/{id}/dispatch", dispatcher, new { unitId });
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        DispatchToPhone.Add(clock.Elapsed.TotalMilliseconds);
        await client.Send(HttpMethod.Post, $"/api/incidents/{id}/close", dispatcher, new { resolution = "基准测试结束" });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hub in _hubs) await hub.DisposeAsync();
    }
}
