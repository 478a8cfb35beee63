using System.Net;
using System.Text.Json;

namespace GridCommand.Tests.Api;

/// <summary>The unit and incident lists come in pages, and say so; a parameter they do not take is refused, not ignored.</summary>
public sealed class PagingTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task Following_the_next_links_walks_every_unit_once_in_order()
    {
        var ids = Enumerable.Range(1, 5).Select(i => $"page-unit-{i}").ToList();
        foreach (var id in ids) await shared.App.EnrolOnDuty(shared.Commander, id, "volunteer", Areas.Centre(7));
        await Eventually.Until(async () => (await shared.Dispatcher.Get("/api/units?kind=volunteer")).GetArrayLength() == 5,
            TimeSpan.FromSeconds(10), "the live picture has the five units");

        var seen = new List<string>();
        var pages = 0;
        for (string? next = "/api/units?kind=volunteer&limit=2"; next is not null; pages++)
        {
            var response = await shared.Dispatcher.GetAsync(next);
            var page = await response.Json(HttpStatusCode.OK);
            Assert.InRange(page.GetArrayLength(), 1, 2);
            seen.AddRange(page.EnumerateArray().Select(u => u.Str("unitId")));
            next = response.Headers.TryGetValues("Link", out var link) ? link.Single().Split('<', '>')[1] : null;
        }

        Assert.Equal(ids, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task The_most_urgent_incident_comes_first_and_a_page_of_one_points_to_the_next()
    {
        var low = (await shared.Dispatcher.CreateIncident("theft", Areas.Centre(9), priority: 3)).Id();
        var urgent = (await shared.Dispatcher.CreateIncident("fire", Areas.Centre(12), priority: 1)).Id();
        await Eventually.Until(async () => (await shared.Dispatcher.Get("/api/incidents?status=open")).GetArrayLength() == 2,
            TimeSpan.FromSeconds(10), "the live picture has both incidents");

        var response = await shared.Dispatcher.GetAsync("/api/incidents?status=open&limit=1");

        Assert.Equal(urgent, Assert.Single((await response.Json(HttpStatusCode.OK)).EnumerateArray()).Id());
        var next = response.Headers.GetValues("Link").Single();
        Assert.Contains($"after={urgent}", next);
        var second = await shared.Dispatcher.Get(next.Split('<', '>')[1]);
        Assert.Equal(low, second.EnumerateArray().First().Id());
    }

    [Theory]
    [InlineData("/api/units?limit=0", "limit must be")]
    [InlineData("/api/units?limit=1001", "limit must be")]
    [InlineData("/api/units?limit=ten", "limit must be")]
    [InlineData("/api/units?after=no-such-unit", "not in this list")]
    [InlineData("/api/units?page=2", "Unknown parameter 'page'")]
    [InlineData("/api/units?limit=1&limit=2", "more than once")]
    [InlineData("/api/incidents?sort=age", "Unknown parameter 'sort'")]
    [InlineData("/api/incidents?after=a%00b", "after must be")]
    public async Task A_bad_or_unknown_list_parameter_is_a_400_that_says_which(string path, string message)
    {
        var problem = await (await shared.Dispatcher.GetAsync(path)).Problem(HttpStatusCode.BadRequest);

        Assert.Contains(message, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_api_description_documents_the_paging()
    {
        var document = await shared.App.CreateClient().GetStringAsync("/openapi/v1.json");

        var units = JsonDocument.Parse(document).RootElement.GetProperty("paths").GetProperty("/api/units").GetProperty("get");
        Assert.Contains("1–1000", units.GetProperty("description").GetString());
        Assert.Contains(units.GetProperty("parameters").EnumerateArray(), p => p.Str("name") == "after");
    }
}
