using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace GridCommand.Bench;

/// <summary>
/// The camera catalogue at 雪亮's scale (--cameras 60000): a CSV of that many cameras spread over the city imported
/// through POST /api/cameras/import (then again: every row an update), then GET /api/cameras?box= for a district-sized
/// box, GET /api/cameras/nearest and GET /api/cameras/cells timed from outside, as the console and the wall ask them.
/// </summary>
public static class CameraBench
{
    private const int Queries = 200;
    /// <summary>A box about 2 km on a side: a wall zoomed in on a few streets sees far less.</summary>
    private const double BoxDegrees = 0.02;

    public static async Task<int> RunAsync(GridClient client, string commander, int count)
    {
        var config = await client.Send(HttpMethod.Get, "/api/config", null, null);
        var b = config.GetProperty("bounds");
        var (south, west, north, east) = (b.GetProperty("south").GetDouble(), b.GetProperty("west").GetDouble(), b.GetProperty("north").GetDouble(),
            b.GetProperty("east").GetDouble());
        var random = new Random(60_000);
        var csv = new StringBuilder("id,name,lat,lon,streamUrl,snapshotUrl\n");
        for (var i = 0; i < count; i++)
        {
            var (lat, lon) = (south + random.NextDouble() * (north - south), west + random.NextDouble() * (east - west));
            csv.Append(CultureInfo.InvariantCulture, $"BENCH{i:D6},雪亮{i:D6},{lat:F6},{lon:F6},https://video.example/live/{i},https://video.example/snap/{i}.jpg\n");
        }
        var file = Encoding.UTF8.GetBytes(csv.ToString());
        Console.WriteLine($"camera catalogue: {count:N0} cameras, a {file.Length / 1048576.0:N1} MB CSV");

        var (added, firstTime) = await Import(client, commander, file);
        var (updated, secondTime) = await Import(client, commander, file);

        var (boxTimes, inBox) = await Time(client, commander, Queries, () =>
        {
            var (s, w) = (south + random.NextDouble() * (north - south - BoxDegrees), west + random.NextDouble() * (east - west - BoxDegrees));
            return FormattableString.Invariant($"/api/cameras?box={s:F5},{w:F5},{s + BoxDegrees:F5},{w + BoxDegrees:F5}");
        });
        var (nearTimes, _) = await Time(client, commander, Queries, () =>
            FormattableString.Invariant($"/api/cameras/nearest?lat={south + random.NextDouble() * (north - south):F5}&lon={west + random.NextDouble() * (east - west):F5}"));
        var (cellTimes, _) = await Time(client, commander, 20, () => "/api/cameras/cells");

        Console.WriteLine();
        Console.WriteLine("| figure | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| import {count:N0} new cameras (CSV, {file.Length / 1048576.0:N1} MB) | {firstTime.TotalSeconds:F1} s ({added}) |");
        Console.WriteLine($"| import the same file again (every row an update) | {secondTime.TotalSeconds:F1} s ({updated}) |");
        Console.WriteLine($"| GET /api/cameras?box= ({BoxDegrees}° box, {inBox / (double)Queries:N0} cameras on average) | {boxTimes} |");
        Console.WriteLine($"| GET /api/cameras/nearest (5 within 1 km) | {nearTimes} |");
        Console.WriteLine($"| GET /api/cameras/cells (every cell's count) | {cellTimes} |");
        return 0;
    }

    private static async Task<(string Counts, TimeSpan Took)> Import(GridClient client, string token, byte[] file)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cameras/import") { Content = new ByteArrayContent(file) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var clock = Stopwatch.StartNew();
        using var response = await client.Http.SendAsync(request);
        var took = clock.Elapsed;
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"import: {(int)response.StatusCode} {body}");
        var r = JsonDocument.Parse(body).RootElement;
        return ($"{r.GetProperty("added").GetInt32():N0} added, {r.GetProperty("updated").GetInt32():N0} updated, {r.GetProperty("rejectedCount").GetInt32()} rejected", took);
    }

    /// <returns>the latencies of <paramref name="n"/> GETs one after another, and how many items they answered in all.</returns>
    private static async Task<(Latencies Times, long Items)> Time(GridClient client, string token, int n, Func<string> path)
    {
        var times = new Latencies();
        long items = 0;
        for (var i = 0; i < n; i++)
        {
            var clock = Stopwatch.StartNew();
            var answer = await client.Send(HttpMethod.Get, path(), token, null);
            times.Add(clock.Elapsed.TotalMilliseconds);
            items += answer.GetArrayLength();
        }
        return (times, items);
    }
}
