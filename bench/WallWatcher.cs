using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace GridCommand.Bench;

/// <summary>
/// A wall screen on /hubs/wall: for every unit update it receives, how long after the device's fix time it came
/// (the bench and the server share this machine's clock). Every tenth update is kept, to bound memory.
/// </summary>
public sealed class WallWatcher : IAsyncDisposable
{
    private const int KeepEvery = 10;
    private readonly HubConnection _hub;
    private long _updates;

    private WallWatcher(HubConnection hub)
    {
        _hub = hub;
        hub.On<JsonElement>("units", batch =>
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var unit in batch.EnumerateArray())
            {
                if (Interlocked.Increment(ref _updates) % KeepEvery != 0) continue;
                if (unit.GetProperty("fixAt") is { ValueKind: JsonValueKind.String } fixAt) FixToWall.Add((now - fixAt.GetDateTimeOffset()).TotalMilliseconds);
            }
        });
    }

    public Latencies FixToWall { get; } = new();

    public long Updates => Interlocked.Read(ref _updates);

    public static async Task<WallWatcher> ConnectAsync(Uri baseUrl, string token)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, "/hubs/wall"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var watcher = new WallWatcher(hub);
        await hub.StartAsync();
        return watcher;
    }

    /// <summary>Forgets what arrived so far (the enrolment's updates), so only the measured run counts.</summary>
    public void Reset()
    {
        FixToWall.Clear();
        Interlocked.Exchange(ref _updates, 0);
    }

    public ValueTask DisposeAsync() => _hub.DisposeAsync();
}
