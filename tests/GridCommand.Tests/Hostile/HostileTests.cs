using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using GridCommand.Tests.Api;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace GridCommand.Tests.Hostile;

/// <summary>
/// 10,000 hostile requests from outside (9,400 over HTTP, 100 not quite HTTP, 200 hub handshakes, 300 junk hub calls): not one server
/// error, no change to the city that an accepted request does not account for, a few hundred bytes of log a request
/// at most and none of the attacker's text in it; afterwards the server is healthy and a dispatcher's ordinary work
/// goes through.
/// </summary>
public abstract class HostileTests(HostileCity city)
{
    private const int Seed = 20261125;
    private const int HttpRequests = 9_400;
    private const int RawRequests = 100;
    private const int HubHandshakes = 200;
    private const int HubCalls = 300;
    private const int Requests = HttpRequests + RawRequests + HubHandshakes + HubCalls;

    /// <summary>What the log may grow by, per request, at the configured levels (Information by default).</summary>
    private const int LogBytesPerRequest = 300;

    /// <summary>The most lines any one request (or hub connection, with all its calls) may log; a refused one logs none.</summary>
    private const int LinesPerRequest = 3;

    /// <summary>Bits of the attack that must never reach the log: SQL, script, lookups, redirects, padding, NUL.</summary>
    private static readonly string[] AttackerText =
        ["DROP TABLE", "onerror", "jndi", "evil.example", "<script", new('y', 100), new('z', 100), new('x', 100), new('A', 100), "\0"];

    [Fact]
    public async Task Ten_thousand_hostile_requests_get_no_server_error_change_nothing_unasked_and_keep_the_log_quiet()
    {
        var random = new Random(Seed);
        var tokens = await HostileTokens.For(city.App, city.Car);
        var requests = new HostileRequests(random, tokens, city.RealIds);
        var http = city.App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = city.App.RealAddress!, AllowAutoRedirect = false, HandleCookies = false });
        var serverErrors = new ConcurrentQueue<string>();
        var statuses = new ConcurrentBag<int>();
        var acceptedIds = new ConcurrentBag<string>();
        var accepted = 0;
        var before = await CitySnapshot.AtRest(city.App, city.Commander);
        var logBefore = city.App.Logs.Lines.Count;

        await Parallel.ForEachAsync(Enumerable.Range(0, HttpRequests), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, ct) =>
        {
            HttpRequestMessage request;
            lock (requests) request = requests.Next();
            using (request)
            using (var response = await http.SendAsync(request, ct))
            {
                statuses.Add((int)response.StatusCode);
                var body = await response.Content.ReadAsStringAsync(ct);
                if ((int)response.StatusCode >= 500)
                    serverErrors.Enqueue($"{(int)response.StatusCode} {request.Method} {Shorten(request.RequestUri!.ToString())}: {Shorten(body)}");
                if (response.IsSuccessStatusCode && IsCommand(request))
                {
                    Interlocked.Increment(ref accepted);
                    foreach (var id in IdsOf(request.RequestUri!, body)) acceptedIds.Add(id);
                }
            }
        });
        for (var i = 0; i < RawRequests; i++)
            if (await HostileWire.Send(city.App.RealAddress!, random) is { } error) serverErrors.Enqueue(error);
        var hub = new HostileHubCalls(city.App, random, tokens);
        for (var i = 0; i < HubHandshakes; i++)
            if (await hub.Connect() is { } error) serverErrors.Enqueue(error);
        foreach (var error in await hub.Invoke(city.Car, HubCalls)) serverErrors.Enqueue(error);
        var log = city.App.Logs.Lines.Skip(logBefore).ToList();
        var after = await CitySnapshot.Take(city.App, city.Commander, before.Cells.Keys);

        Assert.True(serverErrors.IsEmpty, $"{serverErrors.Count} server errors; by kind:\n" + string.Join("\n",
            serverErrors.GroupBy(KindOf).OrderByDescending(g => g.Count()).Take(20).Select(g => $"{g.Count()} × {g.First()}")));
        // Not all turned away at the door: many got past authentication to be judged on their content.
        var judged = statuses.Count(s => s is >= 200 and < 300 or 400 or 404 or 409);
        Assert.True(judged > HttpRequests / 4, $"only {judged} requests got past the door: " +
            string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}")));
        TheCityChangedOnlyWhereAskedTo(before, after, acceptedIds);
        TheLogStayedQuiet(log, accepted);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        await AnOrdinaryDispatchStillWorks();
    }

    private static void TheCityChangedOnlyWhereAskedTo(CitySnapshot before, CitySnapshot after, IEnumerable<string> acceptedIds)
    {
        var explained = CitySnapshot.Explained(acceptedIds, before, after);
        var unexplained = before.ChangedIn(after).Where(id => !explained.Contains(id)).ToList();
        Assert.True(unexplained.Count == 0, $"changed with no accepted request to account for it: {string.Join(", ", unexplained)}");
        var events = after.EventsSince(before).ToList();
        var stray = events.Where(e => !explained.Contains(e.Event.GrainId)).ToList();
        Assert.True(stray.Count == 0, $"{stray.Count} of {events.Count} event log lines with no accepted request behind them: " +
            string.Join("; ", stray.Take(5).Select(e => $"{e.Event.What} {e.Event.GrainKind} {e.Event.GrainId} by {e.Event.Actor}")));
    }

    private static void TheLogStayedQuiet(IReadOnlyList<LogLine> log, int acceptedCommands)
    {
        var fromRequests = log.Where(line => line.Trace is not null).ToList();
        Assert.True(fromRequests.Count <= LinesPerRequest * acceptedCommands,
            $"{fromRequests.Count} lines from requests, {acceptedCommands} of them accepted commands; most common:\n" + Summary(fromRequests));
        var bytes = log.Sum(line => Encoding.UTF8.GetByteCount(line.Text));
        Assert.True(bytes <= LogBytesPerRequest * Requests, $"{bytes:N0} bytes of log for {Requests:N0} requests; most common:\n" + Summary(log));
        var busiest = fromRequests.GroupBy(line => line.Trace).MaxBy(g => g.Count());
        Assert.True(busiest is null || busiest.Count() <= LinesPerRequest,
            $"one request logged {busiest?.Count()} lines:\n" + Summary(busiest?.ToList() ?? []));
        var quoting = log.Where(line => AttackerText.Any(text => line.Text.Contains(text, StringComparison.Ordinal))).ToList();
        Assert.True(quoting.Count == 0, $"{quoting.Count} log lines quote the attacker:\n" + Summary(quoting));
    }

    private async Task AnOrdinaryDispatchStillWorks()
    {
        var scene = Areas.Centre(5);
        var unit = city.Spare;
        await using var phone = await FieldPhone.Connect(city.App, unit);
        var id = (await city.Dispatcher.CreateIncident("theft", scene)).Id();
        await city.Dispatcher.RecommendationsOnce(id, 1);
        await city.Dispatcher.Send(HttpMethod.Post, $"/api/incidents/{id}/dispatch", new { unitId = unit.UnitId }, HttpStatusCode.OK);
        Assert.Equal(id, (await phone.NextTask()).Str("incidentId"));
    }

    /// <summary>A request that may change the city: not a read, and not a hub's negotiation.</summary>
    private static bool IsCommand(HttpRequestMessage request) =>
        request.Method != HttpMethod.Get && request.Method != HttpMethod.Head && request.Method != HttpMethod.Options
        && !request.RequestUri!.OriginalString.StartsWith("/hubs/", StringComparison.Ordinal);

    /// <summary>The ids an accepted command named in its path, and those its answer names (a new incident, the task and unit of a dispatch).</summary>
    private static IEnumerable<string> IdsOf(Uri uri, string body)
    {
        foreach (var segment in uri.AbsolutePath.Split('/')) yield return Uri.UnescapeDataString(segment);
        JsonElement answer;
        try
        {
            answer = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            yield break;
        }
        if (answer.ValueKind != JsonValueKind.Object) yield break;
        foreach (var name in new[] { "id", "taskId", "unitId", "incidentId" })
            if (answer.TryGetProperty(name, out var id) && id.ValueKind == JsonValueKind.String) yield return id.GetString()!;
    }

    /// <summary>The commonest lines, digits and hex blurred so that lines of one kind count together.</summary>
    private static string Summary(IReadOnlyList<LogLine> lines) => string.Join("\n", lines
        .GroupBy(line => System.Text.RegularExpressions.Regex.Replace(Shorten(line.Text), "[0-9a-f]{6,}|[0-9]+", "#"))
        .OrderByDescending(g => g.Count()).Take(10).Select(g => $"{g.Count()} × {Shorten(g.First().Text)}"));

    /// <summary>An error's status, method and path without the query, or a hub error's method and exception: one line per cause.</summary>
    private static string KindOf(string error) => error.Split('?', ':')[0] + (error.Contains("HubException") ? error[error.IndexOf("HubException")..][..Math.Min(60, error.Length - error.IndexOf("HubException"))] : "");

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}

public sealed class SqliteHostileTests(SqliteHostileCity city) : HostileTests(city), IClassFixture<SqliteHostileCity>;

public sealed class PostgresHostileTests(PostgresHostileCity city) : HostileTests(city), IClassFixture<PostgresHostileCity>;
