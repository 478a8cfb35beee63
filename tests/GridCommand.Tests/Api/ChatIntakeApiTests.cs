using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GridCommand.Contracts.Stations;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Stations;

namespace GridCommand.Tests.Api;

/// <summary>A station covering two cells, a registered chat group and a connector signed in with its own token.</summary>
public sealed class ChatIntakeApp : SharedApp
{
    public const string StationId = "S-chat";
    public const string GroupId = "wx-xingfu-1";
    public string CellId { get; private set; } = "";
    public string OtherCellId { get; private set; } = "";
    public HttpClient Connector { get; private set; } = null!;
    public HttpClient Station { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var grid = App.Service<CityGrid>();
        var scene = Areas.Centre(6);
        (CellId, OtherCellId) = (grid.CellAt(scene)!.Id, grid.CellAt(scene.Offset(2000, 90))!.Id);
        await App.Service<IGrainFactory>().GetGrain<IStationGrain>(StationId)
            .Register(new StationRegistration("幸福路警务工作站", StationKind.Workstation, scene.Lat, scene.Lon, [CellId, OtherCellId]));
        foreach (var cell in new[] { CellId, OtherCellId })
            await Eventually.Until(() => Commander.Get($"/api/cells/{cell}"), c => c.GetProperty("stationId").ValueKind == JsonValueKind.String, "the cell knows its station");
        await Commander.Send(HttpMethod.Put, $"/api/intake/groups/{GroupId}", new { cellId = CellId, name = "幸福小区业主群" }, HttpStatusCode.OK);
        Connector = await ConnectorClient(App, Commander, "wechat-1");
        Station = await App.StaffClient("station");
    }

    public static async Task<HttpClient> ConnectorClient(GridCommandApp app, HttpClient commander, string connectorId)
    {
        var token = (await commander.Send(HttpMethod.Post, "/api/intake/connectors", new { connectorId }, HttpStatusCode.OK)).Str("token");
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

/// <summary>Messages from chat groups are pre-judged, collapse per event, and a station officer makes an incident of one or dismisses it.</summary>
public sealed class ChatIntakeApiTests(ChatIntakeApp fx) : IClassFixture<ChatIntakeApp>
{
    private Task<JsonElement> Post(object message) => fx.Connector.Send(HttpMethod.Post, "/api/intake/messages", message, HttpStatusCode.Accepted);

    private async Task<JsonElement> Queued(string candidateId) =>
        (await fx.Station.Get($"/api/stations/{ChatIntakeApp.StationId}/intake")).EnumerateArray().Single(c => c.Id() == candidateId);

    private static string[] Strings(JsonElement e, string property) => e.GetProperty(property).EnumerateArray().Select(x => x.GetString()!).ToArray();

    [Fact]
    public async Task A_fight_reported_in_two_groups_is_one_urgent_candidate_that_becomes_one_chat_incident_in_one_click()
    {
        var before = await fx.Commander.Get("/api/intake/today");
        var first = await Post(new { groupId = ChatIntakeApp.GroupId, sender = "李阿姨", text = "幸福路菜场门口有人打架！", at = DateTimeOffset.UtcNow });
        var second = await Post(new { groupId = "wx-xingfu-2", cellId = fx.CellId, sender = "王师傅", text = "菜场门口打架了，有人拿刀" });

        Assert.Equal(("urgent", "fight", ChatIntakeApp.StationId), (first.Str("class"), first.Str("type"), first.Str("stationId")));
        Assert.Contains("打架", Strings(first, "matched"));
        Assert.Equal(first.Str("candidateId"), second.Str("candidateId"));
        var candidate = await Queued(first.Str("candidateId"));
        Assert.Equal(("urgent", "pending", 2), (candidate.Str("class"), candidate.Str("status"), candidate.GetProperty("reports").GetInt32()));
        Assert.Equal([ChatIntakeApp.GroupId, "wx-xingfu-2"], Strings(candidate, "groups"));

        var escalated = await fx.Station.Send(HttpMethod.Post, $"/api/intake/{candidate.Id()}/incident", null, HttpStatusCode.OK);
        var incidentId = escalated.Str("incidentId");
        var incident = await fx.Dispatcher.Get($"/api/incidents/{incidentId}");
        Assert.Equal(("fight", "chat", fx.CellId, 1), (incident.Str("type"), incident.Str("source"), incident.Str("cellId"), incident.GetProperty("priority").GetInt32()));
        Assert.Contains("有人拿刀", incident.Str("description"));
        var again = await fx.Station.Send(HttpMethod.Post, $"/api/intake/{candidate.Id()}/incident", null, HttpStatusCode.OK);
        Assert.Equal(incidentId, again.Str("incidentId"));
        Assert.Equal("escalated", (await Queued(candidate.Id())).Str("status"));

        await Eventually.Until(() => fx.Commander.Get("/api/intake/today"), t =>
                t.GetProperty("messagesIn").GetInt32() >= before.GetProperty("messagesIn").GetInt32() + 2
                && t.GetProperty("escalated").GetInt32() >= before.GetProperty("escalated").GetInt32() + 1,
            "today's counts with the two messages and the escalation");
    }

    [Fact]
    public async Task A_candidate_about_an_incident_already_open_merges_into_it_as_a_repeat_call()
    {
        var centre = fx.App.Service<CityGrid>().Find(fx.OtherCellId)!.Centre;
        var open = (await fx.Dispatcher.CreateIncident("fire", centre, priority: 1)).Id();
        var message = await Post(new { groupId = "wx-fire", cellId = fx.OtherCellId, sender = "周女士", text = "小区里着火了，好大的烟" });

        var escalated = await fx.Station.Send(HttpMethod.Post, $"/api/intake/{message.Str("candidateId")}/incident", null, HttpStatusCode.OK);
        Assert.Equal(open, escalated.Str("incidentId"));
        Assert.Equal(2, (await fx.Dispatcher.Get($"/api/incidents/{open}")).GetProperty("reportCount").GetInt32());
    }

    [Fact]
    public async Task Noise_is_classified_but_queued_nowhere_and_a_group_without_a_cell_is_classified_too()
    {
        var noise = await Post(new { groupId = ChatIntakeApp.GroupId, sender = "物业", text = "明天上午九点停水，请提前储水" });
        Assert.Equal(("noise", JsonValueKind.Null), (noise.Str("class"), noise.GetProperty("candidateId").ValueKind));
        Assert.Empty(Strings(noise, "matched"));

        var unplaced = await Post(new { groupId = "wx-unknown", sender = "路人", text = "Someone stole my bike, the thief ran off" });
        Assert.Equal(("urgent", "theft"), (unplaced.Str("class"), unplaced.Str("type")));
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (unplaced.GetProperty("cellId").ValueKind, unplaced.GetProperty("stationId").ValueKind));
    }

    [Fact]
    public async Task A_dismissed_service_request_stays_listed_as_dismissed_and_cannot_become_an_incident()
    {
        var parking = await Post(new { groupId = "wx-park", cellId = fx.OtherCellId, sender = "赵先生", text = "小区门口有车乱停，堵门了" });
        Assert.Equal(("service", "parking"), (parking.Str("class"), parking.Str("type")));
        var id = parking.Str("candidateId");

        var dismissed = await fx.Station.Send(HttpMethod.Post, $"/api/intake/{id}/dismiss", null, HttpStatusCode.OK);
        Assert.Equal(("dismissed", "station"), (dismissed.Str("status"), dismissed.Str("decidedBy")));
        Assert.Equal("dismissed", (await Queued(id)).Str("status"));
        var refused = await (await fx.Station.PostAsync($"/api/intake/{id}/incident", null)).Problem(HttpStatusCode.Conflict);
        Assert.Contains("dismissed", refused.Str("detail"));
    }

    [Fact]
    public async Task Bad_messages_wrong_roles_unknown_candidates_and_revoked_connectors_are_refused_plainly()
    {
        async Task Refused(object body, string expected) =>
            Assert.Contains(expected, (await (await fx.Connector.PostAsync("/api/intake/messages", ApiKit.Body(body))).Problem(HttpStatusCode.BadRequest)).Str("detail"));
        await Refused(new { groupId = "wx-1", sender = "a" }, "text");
        await Refused(new { groupId = "wx 1", sender = "a", text = "打架" }, "groupId");
        await Refused(new { groupId = "wx-1", cellId = "X99-99", sender = "a", text = "打架" }, "cellId");

        var byStaff = await fx.Dispatcher.PostAsync("/api/intake/messages", ApiKit.Body(new { groupId = "wx-1", sender = "a", text = "打架" }));
        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fx.Station.PostAsync($"/api/intake/{ChatIntakeApp.StationId}.M999/dismiss", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fx.Station.PostAsync("/api/intake/not-a-candidate/incident", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fx.Station.GetAsync("/api/stations/S-nowhere/intake")).StatusCode);

        var leaked = await ChatIntakeApp.ConnectorClient(fx.App, fx.Commander, "wechat-leaked");
        Assert.Equal(HttpStatusCode.NoContent, (await fx.Commander.PostAsync("/api/intake/connectors/wechat-leaked/revoke", null)).StatusCode);
        var afterRevoke = await leaked.PostAsync("/api/intake/messages", ApiKit.Body(new { groupId = "wx-1", sender = "a", text = "打架" }));
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
    }
}
