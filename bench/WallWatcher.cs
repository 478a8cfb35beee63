using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace GridCommand.Bench;

/// <summary>A box on the map a wall watches, in degrees.</summary>
public sealed record Box(double South, double West, double North, double East);

/// <summary>
/// A wall screen on /hubs/wall, watching a box (or nothing: a wall zoomed out over the cells' loads). It counts the
/// payload bytes of every message it receives and its unit updates, and for the updates how long after the device's
/// fix time they came (the bench and the server share this machine's clock; every tenth is kept, to bound memory).
/// </summary>
public sealed class WallWatcher : IAsyncDisposable
{
    private const int KeepEvery = 10;
    private static readonly string[] OtherMessages = ["snapshot", "cells", "incident", "kpis"];
    private readonly HubConnection _hub;
    private long _updates;
    private long _bytes;

    private WallWatcher(HubConnection hub)
    {
        _hub = hub;
        hub.On<JsonElement>("units", batch =>
        {
            Received(batch);
            var now = DateTimeOffset.UtcNow;
            foreach (var unit in batch.EnumerateArray())
            {
                if (Interlocked.Increment(ref _updates) % KeepEvery != 0) continue;
                if (unit.GetProperty("fixAt") is { ValueKind: JsonValueKind.String } fixAt) FixToWall.Add((now - fixAt.GetDateTimeOffset()).TotalMilliseconds);
            }
        });
        foreach (var message in OtherMessages) hub.On<JsonElement>(message, Received);
    }

    public Latencies FixToWall { get; } = new();

    public long Updates => Interlocked.Read(ref _updates);

    /// <summary>The payload bytes received: each message's argument as JSON.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>How many units were in the box when the wall began watching it.</summary>
    public int UnitsInBox { get; private set; }

    public static async Task<WallWatcher> ConnectAsync(Uri baseUrl, string token, Box? watching)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, "/hubs/wall"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var watcher = new WallWatcher(hub);
        await hub.StartAsync();
        if (watching is { } b)
            watcher.UnitsInBox = (await hub.InvokeAsync<JsonElement>("Watch", b.South, b.West, b.North, b.East)).GetArrayLength();
        return watcher;
    }

    /// <summary>Forgets what arrived so far (the enrolment's updates, the snapshot), so only the measured run counts.</summary>
    public void Reset()
    {
        FixToWall.Clear();
        Interlocked.Exchange(ref _updates, 0);
        Interlocked.Exchange(ref _bytes, 0);
    }

    private void Received(JsonElement payload) => Interlocked.Add(ref _bytes, Encoding.UTF8.GetByteCount(payload.GetRawText()));

    public ValueTask DisposeAsync() => _hub.DisposeAsync();
}
