using GridCommand.Contracts;
using GridCommand.Contracts.Incidents;
using GridCommand.Contracts.Units;
using GridCommand.Contracts.Volunteers;
using GridCommand.Rules;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Units;
using GridCommand.Rules.Volunteers;
using GridCommand.Silo.Storage;
using GridCommand.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using TaskStatus = GridCommand.Rules.Incidents.TaskStatus;

namespace GridCommand.Tests.Cluster;

/// <summary>
/// The volunteer order grains on each database: of volunteers claiming at once one wins, the completion credits the
/// volunteer and the team, and the order, the board and the points are there after a restart, with the event log.
/// </summary>
public abstract class VolunteerOrderGrainTests(TestDatabase db)
{
    private static async Task<string> Volunteer(IGrainFactory grains, string unitId, GeoPoint at, string team)
    {
        var unit = grains.GetGrain<IUnitGrain>(unitId);
        await unit.Enrol(new UnitEnrolment(UnitKind.Volunteer, $"志愿者{unitId}", null, null, team, DeviceKeys.Hash(unitId, "k"), "test"));
        await unit.ReportPosition(new PositionFix(at, DateTimeOffset.UtcNow));
        await Eventually.Until(async () => (await unit.Get())?.Unit.Lat is not null, TimeSpan.FromSeconds(10), $"{unitId} has its fix");
        await unit.SetDuty(true, "test");
        return unitId;
    }

    [Fact]
    public async Task One_claim_of_many_wins_and_the_order_and_the_points_survive_a_restart()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (incidentId, orderId, team) = ($"I-vo-{tag}", $"O-vo-{tag}", $"龙城众队{tag}");
        string winner;
        await using (var first = await TestNode.StartAsync(db))
        {
            var grains = first.Grains;
            var scene = first.Grid.Find("C10-10")!.Centre;
            var volunteers = new List<string>();
            for (var i = 0; i < 8; i++) volunteers.Add(await Volunteer(grains, $"V-{tag}-{i}", scene.Offset(100 + 50 * i, 45 * i), team));
            await grains.GetGrain<IIncidentGrain>(incidentId).Open(new IncidentOpening("missing-person", 2, scene.Lat, scene.Lon, "五里庙小区",
                "孩子走失", IncidentSource.Call110, null, DateTimeOffset.UtcNow, "dispatcher"));
            var order = grains.GetGrain<IVolunteerOrderGrain>(orderId);
            var published = await order.Publish(new VolunteerOrderPublication(incidentId, 1000, "寻找走失儿童", volunteers, "dispatcher"));
            Assert.Equal((VolunteerOrderStatus.Open, 8), (published.Status, published.Notified));

            var claims = await Task.WhenAll(volunteers.Select(async v =>
            {
                try { return (v, (await order.Claim(v)).ClaimedBy); }
                catch (Refusal r) when (r.Code == RejectionCode.Conflict) { return (v, (string?)null); }
            }));
            winner = Assert.Single(claims, c => c.Item2 is not null).v;
            Assert.All(claims, c => Assert.True(c.Item2 is null || c.Item2 == winner));
            var task = Assert.Single((await grains.GetGrain<IIncidentGrain>(incidentId).Get())!.Tasks);
            Assert.Equal((winner, UnitKind.Volunteer, TaskStatus.Accepted), (task.UnitId, task.UnitKind, task.Status));

            var done = await order.Complete(winner, "找到了");
            Assert.Equal((VolunteerOrderStatus.Completed, 10), (done.Status, done.Points));
            await order.Complete(winner, "找到了"); // resent: credited once
            await first.StopAsync();
        }

        await using var second = await TestNode.StartAsync(db);
        var kept = await second.Grains.GetGrain<IVolunteerOrderGrain>(orderId).Get();
        Assert.Equal((VolunteerOrderStatus.Completed, winner, team, 10), (kept!.Status, kept.ClaimedBy, kept.Team, kept.Points));
        var scores = second.Grains.GetGrain<IVolunteerScoresGrain>(CityKeys.City);
        var standing = Assert.Single(await scores.Teams(), t => t.Team == team);
        Assert.Equal((10, 1, 8), (standing.Points, standing.OrdersCompleted, standing.Volunteers));
        Assert.Equal(new VolunteerStanding(winner, team, 10, 1), await scores.Volunteer(winner));
        Assert.Contains(await second.Grains.GetGrain<IVolunteerBoardGrain>(CityKeys.City).Listed(incidentId), o => o.Id == orderId && o.Status == VolunteerOrderStatus.Completed);
        Assert.Equal(TaskStatus.Done, (await second.Grains.GetGrain<IIncidentGrain>(incidentId).Get())!.Tasks[0].Status);

        var log = (await second.Services.GetRequiredService<GridDatabase>().Events.ReadAsync(GrainKinds.VolunteerOrder, orderId)).Select(e => e.Event.What).ToList();
        Assert.Equal(["volunteer-order.published", "volunteer-order.claimed", "volunteer-order.completed"], log);
        var incidentLog = (await second.Services.GetRequiredService<GridDatabase>().Events.ReadAsync(GrainKinds.Incident, incidentId)).Select(e => e.Event.What);
        Assert.Contains("incident.volunteer-enlisted", incidentLog);
    }
}

public sealed class SqliteVolunteerOrderGrainTests(SqliteTestDatabase db) : VolunteerOrderGrainTests(db), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresVolunteerOrderGrainTests(PostgresTestDatabase db) : VolunteerOrderGrainTests(db), IClassFixture<PostgresTestDatabase>;
