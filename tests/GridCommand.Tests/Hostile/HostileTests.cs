using System.Collections.Concurrent;
using System.Net;
using GridCommand.Tests.Api;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace GridCommand.Tests.Hostile;

/// <summary>
/// 10,000 hostile requests from outside (9,500 over HTTP, 200 hub handshakes, 300 junk hub calls): not one server
/// error, and afterwards the server is healthy and a dispatcher's ordinary work goes through.
/// </summary>
public abstract class HostileTests(HostileCity city)
{
    private const int Seed = 20261125;
    private const int HttpRequests = 9_500;
    private const int HubHandshakes = 200;
    private const int HubCalls = 300;

    [Fact]
    public async Task Ten_thousand_hostile_requests_get_no_server_error_and_leave_the_city_working()
    {
        var random = new Random(Seed);
        var tokens = await HostileTokens.For(city.App, city.Car);
        var requests = new HostileRequests(random, tokens, city.RealIds);
        var http = city.App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = city.App.RealAddress!, AllowAutoRedirect = false, HandleCookies = false });
        var serverErrors = new ConcurrentQueue<string>();
        var statuses = new ConcurrentBag<int>();

        await Parallel.ForEachAsync(Enumerable.Range(0, HttpRequests), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, ct) =>
        {
            HttpRequestMessage request;
            lock (requests) request = requests.Next();
            using (request)
            using (var response = await http.SendAsync(request, ct))
            {
                statuses.Add((int)response.StatusCode);
                if ((int)response.StatusCode >= 500)
                    serverErrors.Enqueue($"{(int)response.StatusCode} {request.Method} {Shorten(request.RequestUri!.ToString())}: {Shorten(await response.Content.ReadAsStringAsync(ct))}");
            }
        });
        var hub = new HostileHubCalls(city.App, random, tokens);
        for (var i = 0; i < HubHandshakes; i++)
            if (await hub.Connect() is { } error) serverErrors.Enqueue(error);
        foreach (var error in await hub.Invoke(city.Car, HubCalls)) serverErrors.Enqueue(error);

        Assert.True(serverErrors.IsEmpty, $"{serverErrors.Count} server errors; by kind:\n" + string.Join("\n",
            serverErrors.GroupBy(KindOf).OrderByDescending(g => g.Count()).Take(20).Select(g => $"{g.Count()} × {g.First()}")));
        // Not all turned away at the door: many got past authentication to be judged on their content.
        var judged = statuses.Count(s => s is >= 200 and < 300 or 400 or 404 or 409);
        Assert.True(judged > HttpRequests / 4, $"only {judged} requests got past the door: " +
            string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}")));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        await AnOrdinaryDispatchStillWorks();
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

    /// <summary>An error's status, method and path without the query, or a hub error's method and exception: one line per cause.</summary>
    private static string KindOf(string error) => error.Split('?', ':')[0] + (error.Contains("HubException") ? error[error.IndexOf("HubException")..][..Math.Min(60, error.Length - error.IndexOf("HubException"))] : "");

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}

public sealed class SqliteHostileTests(SqliteHostileCity city) : HostileTests(city), IClassFixture<SqliteHostileCity>;

public sealed class PostgresHostileTests(PostgresHostileCity city) : HostileTests(city), IClassFixture<PostgresHostileCity>;
