using GridCommand.Grains;
using GridCommand.Grains.Messages;
using GridCommand.Grains.Units;
using Xunit;

namespace GridCommand.Tests.Cluster;

/// <summary>Grains on one real node: what a dispatcher sees of units and cells. Every test uses its own unit ids.</summary>
public sealed class GrainTests(SingleNodeFixture fixture) : IClassFixture<SingleNodeFixture>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);
    private readonly TestNode node = fixture.Node;
    private readonly string unitId = $"P-{Guid.NewGuid():N}"[..12];

    [Fact]
    public async Task A_unit_moving_to_the_next_cell_leaves_the_first_cell_roster_and_joins_the_next()
    {
        const string cellA = "C10-12", cellB = "C10-13";
        var grid = node.Node.Runtime.Grid;
        Assert.Contains(cellB, grid.Find(cellA)!.Neighbours);
        await Enroll(unitId);
        await node.Ask<UnitView>(node.Node.Units, new SetDuty(unitId, true, "test"));

        var t0 = DateTimeOffset.UtcNow;
        var a = grid.Find(cellA)!.Centre;
        node.Node.Units.Tell(new ReportPosition(unitId, a.Lat, a.Lon, t0, 20, 90, 5), Akka.Actor.ActorRefs.NoSender);

        await Eventually.Succeeds(async () =>
        {
            var listed = Assert.Single((await GetCell(cellA)).Units, u => u.UnitId == unitId);
            Assert.Equal((DutyStatus.Available, cellA, false), (listed.Status, listed.CellId, listed.Stale));
        }, Soon);

        var b = grid.Find(cellB)!.Centre;
        node.Node.Units.Tell(new ReportPosition(unitId, b.Lat, b.Lon, t0.AddSeconds(5), 25, 91, 5), Akka.Actor.ActorRefs.NoSender);

        await Eventually.Succeeds(async () =>
        {
            Assert.DoesNotContain((await GetCell(cellA)).Units, u => u.UnitId == unitId);
            var listed = Assert.Single((await GetCell(cellB)).Units, u => u.UnitId == unitId);
            Assert.Equal((DutyStatus.Available, cellB, b.Lat, b.Lon), (listed.Status, listed.CellId, listed.Lat, listed.Lon));
        }, Soon);

        var unit = (await node.Ask<UnitView>(node.Node.Units, new GetUnit(unitId))).Unit;
        Assert.Equal((cellB, b.Lat, b.Lon, t0.AddSeconds(5), false), (unit.CellId, unit.Lat, unit.Lon, unit.FixAt, unit.Stale));
    }

    [Fact]
    public async Task A_status_change_inside_a_cell_shows_in_the_cell_roster()
    {
        const string cell = "C20-20";
        await Enroll(unitId);
        var p = node.Node.Runtime.Grid.Find(cell)!.Centre;
        node.Node.Units.Tell(new ReportPosition(unitId, p.Lat, p.Lon, DateTimeOffset.UtcNow, null, null, null), Akka.Actor.ActorRefs.NoSender);
        await Eventually.Succeeds(async () =>
            Assert.Equal(DutyStatus.OffDuty, Assert.Single((await GetCell(cell)).Units, u => u.UnitId == unitId).Status), Soon);

        var view = await node.Ask<UnitView>(node.Node.Units, new SetDuty(unitId, true, "test"));
        Assert.Equal(DutyStatus.Available, view.Unit.Status);

        await Eventually.Succeeds(async () =>
            Assert.Equal(DutyStatus.Available, Assert.Single((await GetCell(cell)).Units, u => u.UnitId == unitId).Status), Soon);
    }

    [Fact]
    public async Task An_out_of_order_fix_does_not_move_the_unit_back()
    {
        await Enroll(unitId);
        var grid = node.Node.Runtime.Grid;
        var newer = grid.Find("C05-05")!.Centre;
        var older = grid.Find("C05-06")!.Centre;
        var t0 = DateTimeOffset.UtcNow;

        node.Node.Units.Tell(new ReportPosition(unitId, newer.Lat, newer.Lon, t0, null, null, null), Akka.Actor.ActorRefs.NoSender);
        node.Node.Units.Tell(new ReportPosition(unitId, older.Lat, older.Lon, t0.AddSeconds(-3), null, null, null), Akka.Actor.ActorRefs.NoSender);

        // Asked after both tells on the same path, so both fixes have been handled.
        var unit = (await node.Ask<UnitView>(node.Node.Units, new GetUnit(unitId))).Unit;
        Assert.Equal(("C05-05", t0), (unit.CellId, unit.FixAt));
    }

    [Fact]
    public async Task Unknown_units_and_cells_are_answered_not_found()
    {
        var unit = Assert.IsType<Rejected>(await node.Node.Ask(node.Node.Units, new GetUnit(unitId)));
        Assert.Equal(RejectionCode.NotFound, unit.Code);

        var duty = Assert.IsType<Rejected>(await node.Node.Ask(node.Node.Units, new SetDuty(unitId, true, "test")));
        Assert.Equal(RejectionCode.NotFound, duty.Code);

        var cell = Assert.IsType<Rejected>(await node.Node.Ask(node.Node.Cells, new GetCell("C99-99")));
        Assert.Equal(RejectionCode.NotFound, cell.Code);
    }

    private Task<UnitView> Enroll(string id) => node.Ask<UnitView>(node.Node.Units,
        new EnrollUnit(id, UnitKind.PatrolCar, "测试车巡01组", null, null, null, DeviceKeys.Hash(id, "key"), "test"));

    private Task<CellView> GetCell(string cellId) => node.Ask<CellView>(node.Node.Cells, new GetCell(cellId));
}
