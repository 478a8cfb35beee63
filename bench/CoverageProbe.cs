using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace GridCommand.Bench;

/// <summary>
/// "Coverage stays current": a probe patrol car is put exactly on a cell's centre, again and again during the run (its
/// ETA there becomes 0 s), and a wall zoomed out over the cells times how long until a "cells" message shows that cell
/// covered by the probe at 0 s. A cell not shown so within 15 s counts as missed.
/// </summary>
public sealed class CoverageProbe : IAsyncDisposable
{
    private const string ProbeId = "UPROBE01";
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(15);
    private readonly HubConnection _wall;
    private readonly GridClient _client;
    private readonly string _device;
    private readonly (string Id, double Lat, double Lon)[] _cells;
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new();

    private CoverageProbe(HubConnection wall, GridClient client, string device, (string, double, double)[] cells)
    {
        (_wall, _client, _device, _cells) = (wall, client, device, cells);
        wall.On<JsonElement>("cells", loads =>
        {
            foreach (var load in loads.EnumerateArray())
                if (load.GetProperty("coverage") is { ValueKind: JsonValueKind.Object } c && c.GetProperty("etaSeconds").GetInt32() == 0
                    && c.GetProperty("unitId").GetString() == ProbeId && _waiting.TryRemove(load.GetProperty("cellId").GetString()!, out var seen))
                    seen.TrySetResult();
        });
    }

    public Latencies FixToCoverage { get; } = new();

    public int Missed { get; private set; }

    /// <summary>Enrols the probe car (on duty, no fix yet) and connects its wall; the cells' centres as the server works them out.</summary>
    public static async Task<CoverageProbe> StartAsync(GridClient client, string commander, string wallToken)
    {
        var key = (await client.Send(HttpMethod.Put, $"/api/units/{ProbeId}", commander, new { kind = "patrol-car", name = "覆盖探针车" }))
            .GetProperty("deviceKey").GetString();
        var device = (await client.Send(HttpMethod.Post, "/api/auth/device", null, new { unitId = ProbeId, deviceKey = key })).GetProperty("token").GetString()!;
        await client.Send(HttpMethod.Put, $"/api/units/{ProbeId}/duty", device, new { onDuty = true });
        var cells = (await client.Send(HttpMethod.Get, "/api/cells", commander, null)).EnumerateArray().Select(c =>
        {
            var polygon = c.GetProperty("polygon").EnumerateArray().Select(p => (Lat: p[0].GetDouble(), Lon: p[1].GetDouble())).ToList();
            return (c.GetProperty("id").GetString()!, polygon.Average(p => p.Lat), polygon.Average(p => p.Lon));
        }).ToArray();
        var wall = new HubConnectionBuilder()
            .WithUrl(new Uri(client.BaseUrl, "/hubs/wall"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(wallToken))
            .Build();
        var probe = new CoverageProbe(wall, client, device, cells);
        await wall.StartAsync();
        return probe;
    }

    /// <summary>Every <paramref name="every"/>, the probe jumps to another cell's centre and the wall's answer is timed.</summary>
    public async Task ProbeUntil(TimeSpan every, CancellationToken stop)
    {
        var random = new Random(3);
        while (!stop.IsCancellationRequested)
        {
            var (cellId, lat, lon) = _cells[random.Next(_cells.Length)];
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting[cellId] = seen;
            var clock = Stopwatch.StartNew();
            await _client.Send(HttpMethod.Post, $"/api/units/{ProbeId}/position", _device, JsonDocument.Parse(string.Create(CultureInfo.InvariantCulture,
                $"{{\"lat\":{lat:R},\"lon\":{lon:R},\"at\":\"{DateTimeOffset.UtcNow:O}\",\"speedKmh\":30}}")).RootElement);
            try
            {
                await seen.Task.WaitAsync(GiveUpAfter);
                FixToCoverage.Add(clock.Elapsed.TotalMilliseconds);
            }
            catch (TimeoutException)
            {
                Missed++;
            }
            _waiting.TryRemove(cellId, out _);
            try
            {
                await Task.Delay(every, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    public ValueTask DisposeAsync() => _wall.DisposeAsync();
}
