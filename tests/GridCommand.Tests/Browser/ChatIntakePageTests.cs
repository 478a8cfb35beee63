using System.Net.Http.Json;
using System.Text.Json;
using GridCommand.Tests.Api;
using Microsoft.Playwright;

namespace GridCommand.Tests.Browser;

/// <summary>
/// A connector posts chat-group messages; the station officer sees one urgent candidate for the fight reported in two
/// groups in the console's intake tab (in English, the words highlighted) and makes an incident of it in one click;
/// the wall (in Chinese) counts today's messages and chat incidents.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChatIntakePageTests(BrowserFixture city)
{
    private const string StationId = "S01";

    [Fact]
    public async Task A_station_officer_turns_a_fight_reported_in_two_groups_into_one_incident_and_the_wall_counts_it()
    {
        var commander = await city.App.StaffClient("commander");
        var cellId = (await commander.GetFromJsonAsync<JsonElement>($"/api/stations/{StationId}"))!.GetProperty("cellIds")[0].GetString()!;
        var connector = await ChatIntakeApp.ConnectorClient(city.App, commander, "browser-connector");
        foreach (var (group, text) in new[] { ("wx-br-1", "东门广场有人打架，快来人"), ("wx-br-2", "东门广场打架了！"), ("wx-br-1", "今晚广场舞改到八点") })
            (await connector.PostAsJsonAsync("/api/intake/messages", new { groupId = group, cellId, sender = "居民", text })).EnsureSuccessStatusCode();

        await using var consoleContext = await city.Context("station", lang: "en");
        var console = await consoleContext.NewPageAsync();
        var problems = new List<string>();
        console.PageError += (_, error) => problems.Add($"page error: {error}");
        await console.GotoAsync(city.Url("/dispatch"));
        await BrowserFixture.Until(console, "document.getElementById('conn').classList.contains('conn-live')");
        await console.ClickAsync("#tab-intake");
        await console.SelectOptionAsync("#chat-station", StationId);
        var item = console.Locator("#chat-list li.chat-pending", new() { HasText = "东门广场" });
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await Assertions.Expect(item).ToContainTextAsync("Urgent");
        await Assertions.Expect(item).ToContainTextAsync("Fight");
        await Assertions.Expect(item).ToContainTextAsync("2 messages");
        await Assertions.Expect(item).ToContainTextAsync("from 2 groups");
        await Assertions.Expect(item.Locator(".chat-text mark").First).ToHaveTextAsync("打架");
        await Assertions.Expect(console.Locator("#chat-list li", new() { HasText = "广场舞" })).ToHaveCountAsync(0); // noise is not queued
        await BrowserFixture.Shot(console, "console-intake");

        await item.Locator("button[data-act=incident]").ClickAsync();
        var done = console.Locator("#chat-list li.chat-escalated", new() { HasText = "东门广场" });
        await Assertions.Expect(done).ToContainTextAsync("Incident");
        var incidentId = await done.Locator("a[data-incident]").GetAttributeAsync("data-incident");
        await Assertions.Expect(done.Locator("a[data-incident]")).ToHaveTextAsync(incidentId!);
        var incident = (await commander.GetFromJsonAsync<JsonElement>($"/api/incidents/{incidentId}"))!;
        Assert.Equal(("fight", "chat", cellId), (incident.GetProperty("type").GetString(), incident.GetProperty("source").GetString(), incident.GetProperty("cellId").GetString()));

        await using var wallContext = await city.Context("wall", lang: "zh");
        var wall = await wallContext.NewPageAsync();
        await wall.GotoAsync(city.Url("/wall"));
        await Assertions.Expect(wall.Locator(".kpis")).ToContainTextAsync("今日群消息");
        await BrowserFixture.Until(wall, "Number(document.getElementById('kpi-chat-in').textContent) >= 3 && Number(document.getElementById('kpi-chat-escalated').textContent) >= 1");
        Assert.Empty(problems);
    }
}
