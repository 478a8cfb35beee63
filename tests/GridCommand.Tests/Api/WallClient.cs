using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using GridCommand.Rules.Geo;
using Microsoft.AspNetCore.SignalR.Client;

namespace GridCommand.Tests.Api;

/// <summary>A wall screen on /hubs/wall: collects its snapshots, unit updates, incidents and cells messages.</summary>
public sealed class WallClient : IAsyncDisposable
{
    /// <summary>Every unit anywhere: what a console that shows the whole city watches.</summary>
    public static readonly GeoBounds World = new(-90, -180, 90, 180);

    private readonly Channel<JsonElement> _snapshots = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> _units = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> _incidents = Channel.CreateUnbounded<JsonElement>();

    private WallClient(HubConnection hub)
    {
        Hub = hub;
        hub.On<JsonElement>("snapshot", s => _snapshots.Writer.TryWrite(s));
        hub.On<JsonElement>("units", batch => { foreach (var u in batch.EnumerateArray()) _units.Writer.TryWrite(u); });
        hub.On<JsonElement>("incident", i => _incidents.Writer.TryWrite(i));
        hub.On<JsonElement>("cells", cells => CellsMessages.Enqueue((DateTimeOffset.UtcNow, cells)));
    }

    public HubConnection Hub { get; }

    /// <summary>Each "cells" message, with when it arrived.</summary>
    public ConcurrentQueue<(DateTimeOffset At, JsonElement Cells)> CellsMessages { get; } = new();

    public static async Task<WallClient> Connect(GridCommandApp app, HttpClient wallClient)
    {
        var wall = new WallClient(app.Hub("/hubs/wall", SharedApp.TokenOf(wallClient)));
        await wall.Hub.StartAsync();
        return wall;
    }

    /// <summary>Watches a box; returns the units in it now.</summary>
    public async Task<IReadOnlyList<JsonElement>> Watch(GeoBounds box) =>
        (await Hub.InvokeAsync<JsonElement>("Watch", box.South, box.West, box.North, box.East)).EnumerateArray().ToList();

    public Task<JsonElement> Snapshot() => Next(_snapshots, _ => true, "snapshot");

    /// <summary>Waits for a unit update that satisfies <paramref name="seen"/>, passing every other one to <paramref name="others"/>.</summary>
    public Task<JsonElement> Unit(Func<JsonElement, bool> seen, string what, Action<JsonElement>? others = null) =>
        Next(_units, u =>
        {
            if (seen(u)) return true;
            others?.Invoke(u);
            return false;
        }, what);

    public Task UnitIs(string unitId, string status) => Unit(u => u.Str("unitId") == unitId && u.Str("status") == status, $"{unitId} {status}");

    public Task<JsonElement> Incident(Func<JsonElement, bool> seen, string what) => Next(_incidents, seen, what);

    public Task IncidentIs(string id, string status) => Incident(i => i.Id() == id && i.Str("status") == status, $"{id} {status}");

    /// <summary>The units received so far without waiting.</summary>
    public IReadOnlyList<JsonElement> UnitsSoFar()
    {
        var units = new List<JsonElement>();
        while (_units.Reader.TryRead(out var u)) units.Add(u);
        return units;
    }

    private static async Task<JsonElement> Next(Channel<JsonElement> channel, Func<JsonElement, bool> seen, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            while (true)
            {
                var next = await channel.Reader.ReadAsync(timeout.Token);
                if (seen(next)) return next;
            }
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"the wall saw no {what}");
        }
    }

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
