using GridCommand.Contracts.Cells;
using GridCommand.Contracts.Units;
using GridCommand.Rules.Cells;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Units;
using GridCommand.Tests.Storage;

namespace GridCommand.Tests.Cluster;

/// <summary>A silo whose units refresh their reach every 2 s, so cells forget an unrefreshed entry after 6 s.</summary>
public sealed class QuickCoverageCluster() : GridTestCluster(1, new SqliteTestDatabase(), ("Coverage:RefreshInterval", "00:00:02"));

/// <summary>Coverage through the grains: units tell the cells in their 5-minute reach, and only those, through the silo's mailbox.</summary>
public sealed class CoverageGrainTests(QuickCoverageCluster node) : IClassFixture<QuickCoverageCluster>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_car_covers_the_cells_in_its_reach_moving_shifts_its_reach_and_being_assigned_uncovers_them()
    {
        var car = await OnDuty("P-cov-1", UnitKind.PatrolCar);
        var t0 = DateTimeOffset.UtcNow;
        await car.ReportPosition(new PositionFix(Centre("C20-20"), t0));

        await Eventually.Succeeds(async () =>
        {
            Assert.Equal(new CellCoverage(0, "P-cov-1"), await Coverage("C20-20"));
            var next = await Coverage("C20-21"); // 500 m × 1.4 at 40 km/h ≈ 63 s
            Assert.Equal("P-cov-1", next?.UnitId);
            Assert.InRange(next!.EtaSeconds, 60, 66);
        }, Soon);
        Assert.Null(await Coverage("C20-27")); // 3.5 km away: out of a car's five minutes
        Assert.Null(await Coverage("C20-13"));

        await car.ReportPosition(new PositionFix(Centre("C20-24"), t0.AddSeconds(5)));
        await Eventually.Succeeds(async () =>
        {
            Assert.Equal(new CellCoverage(0, "P-cov-1"), await Coverage("C20-24"));
            Assert.Equal("P-cov-1", (await Coverage("C20-27"))?.UnitId); // 1.5 km: now in reach
            Assert.InRange((await Coverage("C20-20"))!.EtaSeconds, 245, 260); // 2 km × 1.4 ≈ 252 s
            Assert.Null(await Coverage("C20-17")); // covered before, left behind out of reach
        }, Soon);

        Assert.True(await car.TryAssign("T-cov-1"));
        await Eventually.Succeeds(async () =>
        {
            Assert.Null(await Coverage("C20-24"));
            Assert.Null(await Coverage("C20-20"));
        }, Soon);
    }

    [Fact]
    public async Task The_fastest_unit_gives_a_cell_its_coverage_and_the_next_takes_over_when_it_goes_off_duty()
    {
        var guard = await OnDuty("G-cov-2", UnitKind.Guard);
        var car = await OnDuty("P-cov-2", UnitKind.PatrolCar);
        var t0 = DateTimeOffset.UtcNow;
        await guard.ReportPosition(new PositionFix(Centre("C05-05").Offset(100, 0), t0)); // 100 m on foot ≈ 101 s
        await car.ReportPosition(new PositionFix(Centre("C05-05").Offset(1000, 90), t0)); // 1 km by car ≈ 126 s

        await Eventually.Succeeds(async () => Assert.Equal("G-cov-2", (await Coverage("C05-05"))?.UnitId), Soon);
        await guard.SetDuty(false, "test");
        await Eventually.Succeeds(async () => Assert.Equal("P-cov-2", (await Coverage("C05-05"))?.UnitId), Soon);
    }

    [Fact]
    public async Task A_unit_standing_still_keeps_its_cells_covered_and_one_that_stops_reporting_is_forgotten()
    {
        var still = await OnDuty("G-cov-3", UnitKind.Guard);
        var at = Centre("C30-05");
        var t0 = DateTimeOffset.UtcNow;
        await still.ReportPosition(new PositionFix(at, t0));
        await Eventually.Succeeds(async () => Assert.Equal(new CellCoverage(0, "G-cov-3"), await Coverage("C30-05")), Soon);

        // Fixes at the same spot change nothing the wall shows, yet refresh the cell well past the 6 s an entry lives.
        for (var s = 1; s <= 10; s++)
        {
            await Task.Delay(1000);
            await still.ReportPosition(new PositionFix(at, t0.AddSeconds(s)));
        }
        Assert.Equal(new CellCoverage(0, "G-cov-3"), await Coverage("C30-05"));
    }

    private async Task<IUnitGrain> OnDuty(string id, UnitKind kind)
    {
        var unit = node.Grains.GetGrain<IUnitGrain>(id);
        await unit.Enrol(new UnitEnrolment(kind, $"测试{id}", null, null, null, DeviceKeys.Hash(id, "key"), "test"));
        await unit.SetDuty(true, "test");
        return unit;
    }

    private GeoPoint Centre(string cellId) => node.Grid.Find(cellId)!.Centre;

    private Task<CellCoverage?> Coverage(string cellId) => node.Grains.GetGrain<ICellGrain>(cellId).Coverage();
}
