using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace GridCommand.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DispatchLoopTests(BrowserFixture city)
{
    [Fact]
    public async Task A_dispatcher_sends_the_top_unit_in_two_clicks_and_its_phone_runs_the_task_to_resolved()
    {
        // Dispatcher signs in through /login; the wall watches.
        await using var dispatcherContext = await city.Context();
        var dispatcher = await dispatcherContext.NewPageAsync();
        var consoleProblems = new List<string>();
        dispatcher.Console += (_, message) => { if (message.Type is "error" or "warning") consoleProblems.Add($"{message.Type}: {message.Text} ({message.Location})"); };
        dispatcher.PageError += (_, error) => consoleProblems.Add($"page error: {error}");
        await dispatcher.GotoAsync(city.Url("/dispatch"));
        await BrowserFixture.UntilAt(dispatcher, url => url.AbsolutePath == "/login" && url.Query.StartsWith("?next=", StringComparison.Ordinal));
        await dispatcher.FillAsync("#user", "dispatcher");
        await dispatcher.FillAsync("#password", "dispatcher");
        await dispatcher.ClickAsync("button[type=submit]");
        await BrowserFixture.UntilAt(dispatcher, url => url.AbsolutePath == "/dispatch");
        await BrowserFixture.Until(dispatcher, "document.getElementById('conn').classList.contains('conn-live')");
        Assert.True(await dispatcher.EvaluateAsync<bool>(
            "(async () => { const b = (await (await fetch('/api/config')).json()).bounds; return gcDispatch.map.getBounds().contains([[b.south, b.west], [b.north, b.east]]); })()"),
            "the console's map does not show the whole city on open");

        await using var wallContext = await city.Context("wall");
        var wall = await wallContext.NewPageAsync();
        await wall.GotoAsync(city.Url("/wall"));
        await BrowserFixture.Until(wall, "document.getElementById('conn').classList.contains('conn-live')");

        // A new incident appears in the queue; click it, click dispatch on the top recommendation.
        var id = await city.CreateIncident("robbery", 1, 32.38, 119.43, "汶河南路 88 号");
        var item = dispatcher.Locator($"#queue li[data-id='{id}']");
        await item.ClickAsync();                                                   // click 1
        await Assertions.Expect(dispatcher.Locator("#detail-status")).ToHaveAttributeAsync("data-status", "new");
        Assert.Equal(0, await dispatcher.Locator("#close-incident, #resolution").CountAsync()); // nothing to close yet
        // The best-placed demo unit (its phone signs in with the demo key; units other tests enrolled, T…, have their own keys).
        var top = dispatcher.Locator(".recs li[data-unit-id]:not([data-unit-id^='T'])").First;
        await top.WaitForAsync();
        var unitId = await top.GetAttributeAsync("data-unit-id");
        Assert.False(string.IsNullOrEmpty(unitId));
        await top.Locator("button.dispatch").ClickAsync();                         // click 2
        var task = dispatcher.Locator($".task[data-unit-id='{unitId}']");
        await Expect(task, "assigned");
        await BrowserFixture.Shot(dispatcher, "dispatch-assigned");
        await BrowserFixture.Until(wall, $"gcWall.incidents.get('{id}')?.i.status === 'dispatched'");

        // The unit's phone signs in with its device key and gets the task.
        await using var phoneContext = await city.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, HasTouch = true, IsMobile = true,
            Permissions = ["geolocation"], Geolocation = new Geolocation { Latitude = 32.379f, Longitude = 119.429f },
        });
        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync(city.Url("/field"));
        await phone.FillAsync("#unit-id", unitId!);
        await phone.FillAsync("#device-key", "demo");
        await phone.ClickAsync("#signin-form button[type=submit]");
        await BrowserFixture.Until(phone, "document.body.dataset.taskStatus === 'assigned'");
        Assert.Contains("抢劫", await phone.TextContentAsync("#t-type"));
        Assert.Contains("汶河南路", await phone.TextContentAsync("#t-address"));
        await BrowserFixture.Shot(phone, "field-task");

        await phone.ClickAsync("#accept");
        await Expect(task, "accepted");
        await BrowserFixture.Until(wall, $"gcWall.units.get('{unitId}')?.u.status === 'en-route'");

        await phone.ClickAsync("#arrive");
        await Expect(task, "on-scene");
        await BrowserFixture.Until(wall, $"gcWall.incidents.get('{id}')?.i.status === 'on-scene'");
        await BrowserFixture.Until(dispatcher, "document.getElementById('detail-status')?.dataset.status === 'on-scene'");

        await phone.FillAsync("#note", "嫌疑人已控制");
        await phone.ClickAsync("#done");
        await Expect(task, "done");
        await BrowserFixture.Until(dispatcher, "document.getElementById('detail-status')?.dataset.status === 'resolved'");
        await BrowserFixture.Until(wall, $"gcWall.incidents.get('{id}')?.i.status === 'resolved'");
        await BrowserFixture.Until(phone, "document.body.dataset.taskStatus === 'none' && gcField.outbox().length === 0");
        await BrowserFixture.Shot(dispatcher, "dispatch-resolved");

        var staff = await city.App.StaffClient("dispatcher");
        var incident = await staff.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}");
        Assert.Equal("resolved", incident.GetProperty("status").GetString());
        var done = incident.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("unitId").GetString() == unitId);
        Assert.Equal("嫌疑人已控制", done.GetProperty("remark").GetString());

        // The dispatcher closes it with a resolution; it leaves the open queue.
        await dispatcher.FillAsync("#resolution", "已处置，嫌疑人移交");
        await dispatcher.ClickAsync("#close-incident");
        await BrowserFixture.Until(dispatcher, "document.getElementById('detail-status')?.dataset.status === 'closed'");
        await Assertions.Expect(item).ToHaveCountAsync(0);
        Assert.Empty(consoleProblems); // no missing hub handlers, no 404 (the favicon included), no script errors
    }

    [Fact]
    public async Task A_call_made_on_the_map_is_created_and_a_repeat_call_is_shown_as_merged()
    {
        await using var context = await city.Context("dispatcher");
        var page = await context.NewPageAsync();
        await page.GotoAsync(city.Url("/dispatch"));
        await BrowserFixture.Until(page, "document.getElementById('conn').classList.contains('conn-live')");
        var map = page.Locator("#map");
        var box = (await map.BoundingBoxAsync())!;
        // First call: picked on the map.
        await page.Mouse.ClickAsync(box.X + box.Width / 2 + 30, box.Y + box.Height / 2 + 30);
        await Assertions.Expect(page.Locator("#create")).ToBeVisibleAsync();
        var lat = double.Parse(await page.InputValueAsync("#c-lat"), System.Globalization.CultureInfo.InvariantCulture);
        var lon = double.Parse(await page.InputValueAsync("#c-lon"), System.Globalization.CultureInfo.InvariantCulture);
        await page.SelectOptionAsync("#c-type", "fire");
        Assert.Equal("1", await page.InputValueAsync("#c-priority"));
        await page.FillAsync("#c-description", "三楼冒烟");
        await page.ClickAsync("#c-submit");
        await BrowserFixture.Until(page, "gcDispatch.selectedId !== null");
        var first = await page.EvaluateAsync<string>("gcDispatch.selectedId");
        Assert.Contains(first, await page.TextContentAsync("#toast") ?? "");

        // Second call about the same fire, typed in as coordinates 30 m away.
        await page.ClickAsync("#new-incident");
        await page.FillAsync("#c-lat", (lat + 0.0002).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#c-lon", lon.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.SelectOptionAsync("#c-type", "fire");
        await page.FillAsync("#c-address", "三元路 5 号");
        await page.ClickAsync("#c-submit");
        // The second report lands on the first incident: shown as merged.
        await Assertions.Expect(page.Locator("#toast")).ToContainTextAsync("合并");
        Assert.Contains(first, await page.TextContentAsync("#toast") ?? "");
        await BrowserFixture.Until(page, $"gcDispatch.selectedId === '{first}' && gcDispatch.incidents.get('{first}')?.i.reportCount === 2");
        await BrowserFixture.Shot(page, "dispatch-merged");
    }

    private static Task Expect(ILocator task, string status) =>
        Assertions.Expect(task.Last).ToHaveAttributeAsync("data-status", status, new() { Timeout = 15_000 });
}
