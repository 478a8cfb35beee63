using GridCommand.Contracts;
using GridCommand.Contracts.Intake;
using GridCommand.Rules.Intake;
using GridCommand.Silo.Storage;
using GridCommand.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GridCommand.Tests.Cluster;

/// <summary>
/// The chat-group grains on each database: messages through a registered group reach its station's queue, collapse,
/// and the queue (with its decisions), the group and today's counts are there after a restart, with the event log.
/// </summary>
public abstract class ChatIntakeGrainTests(TestDatabase db)
{
    [Fact]
    public async Task Candidates_their_decisions_the_group_and_todays_counts_survive_a_restart()
    {
        var stationId = $"S-ci-{Guid.NewGuid():N}"[..12];
        string urgentId, serviceId, incidentId, cellId;
        await using (var first = await TestNode.StartAsync(db))
        {
            var grains = first.Grains;
            cellId = first.Grid.Find("C10-10")!.Id;
            await StationCover.Register(grains, stationId, "五里庙警务室", first.Grid.Find(cellId)!);
            await grains.GetGrain<IChatGroupGrain>("wx-wulimiao").Register(cellId, "五里庙社区群", "test");

            var now = DateTimeOffset.UtcNow;
            var a = await grains.GetGrain<IChatGroupGrain>("wx-wulimiao").Receive(new ChatMessage("wx-wulimiao", null, "老周", "五里庙小区3栋着火了，冒烟很大", now));
            var b = await grains.GetGrain<IChatGroupGrain>("wx-other").Receive(new ChatMessage("wx-other", cellId, "小陈", "3栋着火了！快打119", now.AddSeconds(30)));
            var c = await grains.GetGrain<IChatGroupGrain>("wx-wulimiao").Receive(new ChatMessage("wx-wulimiao", null, "老周", "楼下噪音扰民到半夜", now.AddSeconds(40)));
            Assert.Equal((a.CandidateId, 2), (b.CandidateId, b.Reports));
            (urgentId, serviceId) = (a.CandidateId!, c.CandidateId!);

            var queue = grains.GetGrain<IStationIntakeGrain>(stationId);
            incidentId = (await queue.Escalate(urgentId, "station"))!.IncidentId!;
            await queue.Dismiss(serviceId, "station");
            await Eventually.Until(async () => (await grains.GetGrain<IIntakeCountsGrain>(CityKeys.City).Today()).Escalated >= 1, TimeSpan.FromSeconds(10), "counted");
            await first.StopAsync();
        }

        await using var second = await TestNode.StartAsync(db);
        var listed = await second.Grains.GetGrain<IStationIntakeGrain>(stationId).List();
        var fire = listed.Single(x => x.Id == urgentId);
        Assert.Equal((CandidateStatus.Escalated, incidentId, 2, "fire"), (fire.Status, fire.IncidentId, fire.Reports, fire.Type));
        Assert.Equal(["wx-other", "wx-wulimiao"], fire.Groups);
        Assert.Equal(CandidateStatus.Dismissed, listed.Single(x => x.Id == serviceId).Status);
        Assert.Equal(cellId, (await second.Grains.GetGrain<IChatGroupGrain>("wx-wulimiao").Get())!.CellId);
        var today = await second.Grains.GetGrain<IIntakeCountsGrain>(CityKeys.City).Today();
        Assert.True(today is { MessagesIn: >= 3, Candidates: >= 2, Escalated: >= 1 }, $"today's counts kept: {today}");

        var log = (await second.Services.GetRequiredService<GridDatabase>().Events.ReadAsync(GrainKinds.StationIntake, stationId)).Select(e => e.Event.What).ToList();
        Assert.Equal(["intake.candidate", "intake.candidate", "intake.escalated", "intake.dismissed"], log);
    }
}

public sealed class SqliteChatIntakeGrainTests(SqliteTestDatabase db) : ChatIntakeGrainTests(db), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresChatIntakeGrainTests(PostgresTestDatabase db) : ChatIntakeGrainTests(db), IClassFixture<PostgresTestDatabase>;
