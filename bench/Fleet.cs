using System.Globalization;
using System.Text.Json;

namespace GridCommand.Bench;

/// <summary>
/// The benchmark's units: enrolled by the commander, each signed in as its own device, on duty at a random place
/// in the city; then moved a few tens of metres per fix, as patrols and guards do.
/// </summary>
public sealed class Fleet
{
    private readonly (double Lat, double Lon)[] _positions;
    private readonly double _south, _west, _north, _east;

    private Fleet(string[] ids, string[] devices, JsonElement bounds)
    {
        Ids = ids;
        Devices = devices;
        (_south, _west, _north, _east) = (bounds.GetProperty("south").GetDouble(), bounds.GetProperty("west").GetDouble(),
            bounds.GetProperty("north").GetDouble(), bounds.GetProperty("east").GetDouble());
        var random = new Random(1);
        _positions = ids.Select(_ => (_south + random.NextDouble() * (_north - _south), _west + random.NextDouble() * (_east - _west))).ToArray();
    }

    public string[] Ids { get; }

    /// <summary>Each unit's device token.</summary>
    public string[] Devices { get; }

    public (double Lat, double Lon) Position(int unit) => _positions[unit];

    /// <summary>The whole city, as a dispatcher's console watches it.</summary>
    public Box City => new(_south, _west, _north, _east);

    /// <summary>A box in the middle of the city that holds about <paramref name="units"/> of the fleet (units are spread evenly).</summary>
    public Box District(int units)
    {
        var side = Math.Sqrt(Math.Min(1.0, (double)units / Ids.Length)) / 2;
        var (midLat, midLon) = ((_south + _north) / 2, (_west + _east) / 2);
        var (halfLat, halfLon) = ((_north - _south) * side, (_east - _west) * side);
        return new Box(midLat - halfLat, midLon - halfLon, midLat + halfLat, midLon + halfLon);
    }

    public static async Task<Fleet> EnrolAsync(GridClient client, string commander, int count, int parallel)
    {
        var config = await client.Send(HttpMethod.Get, "/api/config", null, null);
        // Not "B000001": an id that reads as hexadecimal is stored by Orleans' ADO.NET storage as an integer key, with no
        // id string, and the device sign-in, which looks the unit up by its id in the stored states, cannot find it.
        var ids = Enumerable.Range(1, count).Select(i => $"U{i:D6}").ToArray();
        var devices = new string[count];
        var fleet = new Fleet(ids, devices, config.GetProperty("bounds"));
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, _) =>
        {
            var kind = i % 10 == 0 ? "patrol-car" : "guard";
            var enrolled = await client.Send(HttpMethod.Put, $"/api/units/{ids[i]}", commander, new { kind, name = $"测试单位{i + 1}" });
            var key = enrolled.GetProperty("deviceKey").GetString();
            var device = (await client.Send(HttpMethod.Post, "/api/auth/device", null, new { unitId = ids[i], deviceKey = key })).GetProperty("token").GetString()!;
            devices[i] = device;
            await client.Send(HttpMethod.Put, $"/api/units/{ids[i]}/duty", device, new { onDuty = true });
            var (path, fix) = fleet.NextFix(i, Random.Shared);
            await client.Send(HttpMethod.Post, path, device, System.Text.Json.JsonDocument.Parse(fix).RootElement);
        });
        return fleet;
    }

    /// <summary>The unit's next fix, to post to the path: a few tens of metres on, inside the city, timed now.</summary>
    public (string Path, string Json) NextFix(int unit, Random random)
    {
        var (lat, lon) = _positions[unit];
        lat = Math.Clamp(lat + (random.NextDouble() - 0.5) * 0.0006, _south, _north);
        lon = Math.Clamp(lon + (random.NextDouble() - 0.5) * 0.0006, _west, _east);
        _positions[unit] = (lat, lon);
        return ($"/api/units/{Ids[unit]}/position",
            string.Create(CultureInfo.InvariantCulture, $"{{\"lat\":{lat},\"lon\":{lon},\"at\":\"{DateTimeOffset.UtcNow:O}\",\"speedKmh\":20}}"));
    }
}
