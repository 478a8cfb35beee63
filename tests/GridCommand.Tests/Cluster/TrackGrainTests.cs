using GridCommand.Contracts.Units;
using GridCommand.Rules;
using GridCommand.Rules.Tracks;
using GridCommand.Rules.Units;
using GridCommand.Silo.Storage;
using GridCommand.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GridCommand.Tests.Cluster;

/// <summary>Two TestingHost silos on SQLite whose track recorders save every second.</summary>
public sealed class QuickTracksCluster() : GridTestCluster(2, new SqliteTestDatabase(), ("Tracks:SaveInterval", "00:00:01"));

/// <summary>Unit grains leave sampled tracks through their silo's recorder, whichever silo they live on.</summary>
public sealed class TrackGrainTests(QuickTracksCluster node) : IClassFixture<QuickTracksCluster>
{
    private TrackTable Tracks => node.Cluster.GetSiloServiceProvider().GetRequiredService<GridDatabase>().Tracks;

    private IUnitGrain Unit(string id) => node.Grains.GetGrain<IUnitGrain>(id);

    [Fact]
    public async Task Units_moving_and_changing_status_leave_a_point_every_10_seconds_and_one_at_each_status_change()
    {
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-61);
        var ids = Enumerable.Range(0, 6).Select(i => $"TK{Guid.NewGuid():N}"[..10] + i).ToList(); // spread over both silos
        var start = node.Grid.Find("C10-12")!.Centre;
        foreach (var id in ids)
        {
            await Unit(id).Enrol(new UnitEnrolment(UnitKind.PatrolMotorbike, $"摩托 {id}", null, null, null, DeviceKeys.Hash(id, "key"), "test"));
            await Unit(id).SetDuty(true, "test");
        }
        for (var s = 0; s <= 60; s++) // a fix a second (by the device's clock), heading east
        {
            foreach (var id in ids) await Unit(id).ReportPosition(new PositionFix(start.Offset(s * 8, 90), t0.AddSeconds(s)));
            // one-way calls may overtake each other, and a unit ignores a fix older than its newest: one second at a time
            foreach (var id in ids)
                await Eventually.Until(async () => (await Unit(id).Get())!.Unit.FixAt == t0.AddSeconds(s), TimeSpan.FromSeconds(5), $"{id}'s fix");
            if (s == 35) Assert.True(await Unit(ids[0]).TryAssign($"task-{ids[0]}"));
        }

        var window = new ReplayWindow(t0.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        var tracks = await Eventually.Until(() => Tracks.ReadUnitsAsync(ids, window),
            t => t.Count == ids.Count && t.Values.All(points => points.Count >= 7), "every unit's track saved");

        int Second(TrackPoint p) => (int)Math.Round((p.At - t0).TotalSeconds);
        foreach (var id in ids.Skip(1)) // times kept to a tenth of a second
            Assert.Equal([0, 10, 20, 30, 40, 50, 60], tracks[id].Select(Second));
        Assert.All(tracks[ids[1]], p => Assert.Equal(DutyStatus.Available, p.Status));
        Assert.Equal(start.Offset(60 * 8, 90).Lon, tracks[ids[1]].Last().Lon, 4);
        // The assigned unit: the same samples (assigned from the 40th second on), and a point stamped by the server's
        // clock when it was assigned (after the test's fixes, which it sent faster than their times), where it was then.
        var assignedUnit = tracks[ids[0]];
        Assert.Equal([0, 10, 20, 30, 40, 50, 60], assignedUnit.Where(p => p.At < t0.AddSeconds(61)).Select(Second));
        Assert.Equal([DutyStatus.Available, DutyStatus.Available, DutyStatus.Available, DutyStatus.Available,
            DutyStatus.Assigned, DutyStatus.Assigned, DutyStatus.Assigned], assignedUnit.Take(7).Select(p => p.Status));
        var assigned = Assert.Single(assignedUnit, p => p.At >= t0.AddSeconds(61));
        Assert.Equal(DutyStatus.Assigned, assigned.Status);
        Assert.Equal(start.Offset(35 * 8, 90).Lon, assigned.Lon, 4);
    }
}
