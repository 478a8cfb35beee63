using GridCommand.Contracts;
using GridCommand.Contracts.Cells;
using GridCommand.Contracts.Incidents;
using GridCommand.Contracts.Units;
using GridCommand.Rules;
using GridCommand.Rules.Cells;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Units;
using Xunit;

namespace GridCommand.Tests.Cluster;

/// <summary>Grains on a TestingHost silo, called by a client: what a dispatcher sees of units and cells. Every test uses its own unit ids.</summary>
public sealed class GrainTests(OneSiloCluster node) : IClassFixture<OneSiloCluster>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);
    private readonly string unitId = $"P-{Guid.NewGuid():N}"[..12];

    [Fact]
    public async Task A_unit_moving_to_the_next_cell_leaves_the_first_cell_roster_and_joins_the_next()
    {
        const string cellA = "C10-12", cellB = "C10-13";
        Assert.Contains(cellB, node.Grid.Find(cellA)!.Neighbours);
        await Enroll(unitId);
        await Unit(unitId).SetDuty(true, "test");

        var t0 = DateTimeOffset.UtcNow;
        await Unit(unitId).ReportPosition(new PositionFix(node.Grid.Find(cellA)!.Centre, t0, 20, 90, 5));

        await Eventually.Succeeds(async () =>
        {
            var listed = Assert.Single((await GetCell(cellA)).Units, u => u.UnitId == unitId);
            Assert.Equal((DutyStatus.Available, cellA, false), (listed.Status, listed.CellId, listed.Stale));
        }, Soon);

        var b = node.Grid.Find(cellB)!.Centre;
        await Unit(unitId).ReportPosition(new PositionFix(b, t0.AddSeconds(5), 25, 91, 5));

        await Eventually.Succeeds(async () =>
        {
            Assert.DoesNotContain((await GetCell(cellA)).Units, u => u.UnitId == unitId);
            var listed = Assert.Single((await GetCell(cellB)).Units, u => u.UnitId == unitId);
            Assert.Equal((DutyStatus.Available, cellB, b.Lat, b.Lon), (listed.Status, listed.CellId, listed.Lat, listed.Lon));
        }, Soon);

        var unit = (await Unit(unitId).Get())!.Unit;
        Assert.Equal((cellB, b.Lat, b.Lon, t0.AddSeconds(5), false), (unit.CellId, unit.Lat, unit.Lon, unit.FixAt, unit.Stale));
    }

    [Fact]
    public async Task A_status_change_inside_a_cell_shows_in_the_cell_roster()
    {
        const string cell = "C20-20";
        await Enroll(unitId);
        await Unit(unitId).ReportPosition(new PositionFix(node.Grid.Find(cell)!.Centre, DateTimeOffset.UtcNow));
        await Eventually.Succeeds(async () =>
            Assert.Equal(DutyStatus.OffDuty, Assert.Single((await GetCell(cell)).Units, u => u.UnitId == unitId).Status), Soon);

        var view = await Unit(unitId).SetDuty(true, "test");
        Assert.Equal(DutyStatus.Available, view.Unit.Status);

        await Eventually.Succeeds(async () =>
            Assert.Equal(DutyStatus.Available, Assert.Single((await GetCell(cell)).Units, u => u.UnitId == unitId).Status), Soon);
    }

    [Fact]
    public async Task An_out_of_order_fix_does_not_move_the_unit_back()
    {
        await Enroll(unitId);
        var t0 = DateTimeOffset.UtcNow;

        await Unit(unitId).ReportPosition(new PositionFix(node.Grid.Find("C05-05")!.Centre, t0));
        await Eventually.Succeeds(async () => Assert.Equal(t0, (await Unit(unitId).Get())!.Unit.FixAt), Soon);
        await Unit(unitId).ReportPosition(new PositionFix(node.Grid.Find("C05-06")!.Centre, t0.AddSeconds(-3)));

        // Asked after the older fix on the same path from the same caller: it has been handled, and ignored.
        var unit = (await Unit(unitId).Get())!.Unit;
        Assert.Equal(("C05-05", t0), (unit.CellId, unit.FixAt));
    }

    [Fact]
    public async Task Unknown_units_and_cells_are_answered_not_found()
    {
        Assert.Null(await Unit(unitId).Get());
        var duty = await Assert.ThrowsAsync<Refusal>(() => Unit(unitId).SetDuty(true, "test"));
        Assert.Equal(RejectionCode.NotFound, duty.Code);
        Assert.Null(await node.Grains.GetGrain<ICellGrain>("C99-99").Get());
    }

    [Fact]
    public async Task A_cell_view_shows_its_grid_worker_and_an_incident_open_then_recently_closed()
    {
        const string cell = "C30-30";
        var incidentId = $"I-{Guid.NewGuid():N}"[..14];
        var at = node.Grid.Find(cell)!.Centre;
        await node.Grains.GetGrain<ICellGrain>(cell).SetGridWorker(new GridWorker("王建国", "13912345678"), "test");
        await node.Grains.GetGrain<IIncidentGrain>(incidentId).Open(new IncidentOpening("theft", 2, at.Lat, at.Lon, null, null,
            IncidentSource.Call110, null, DateTimeOffset.UtcNow, "test"));

        var open = Assert.Single((await GetCell(cell)).Incidents, i => i.IncidentId == incidentId);
        Assert.Equal(("theft", (DateTimeOffset?)null), (open.Type, open.ClosedAt));
        Assert.Equal(new GridWorker("王建国", "13912345678"), (await GetCell(cell)).GridWorker);

        await node.Grains.GetGrain<IIncidentGrain>(incidentId).Close("false alarm", "test");

        await Eventually.Succeeds(async () =>
        {
            var closed = Assert.Single((await GetCell(cell)).Incidents, i => i.IncidentId == incidentId);
            Assert.Equal(IncidentStatus.Closed, closed.Status);
            Assert.NotNull(closed.ClosedAt);
        }, Soon);
        Assert.DoesNotContain(incidentId, (await GetCell(cell)).OpenIncidents);
        var notACell = await Assert.ThrowsAsync<Refusal>(() => node.Grains.GetGrain<ICellGrain>("C99-99").SetGridWorker(null, "test"));
        Assert.Equal(RejectionCode.NotFound, notACell.Code);
    }

    private IUnitGrain Unit(string id) => node.Grains.GetGrain<IUnitGrain>(id);

    private Task<UnitView> Enroll(string id) =>
        Unit(id).Enrol(new UnitEnrolment(UnitKind.PatrolCar, "测试车巡01组", null, null, null, DeviceKeys.Hash(id, "key"), "test"));

    private async Task<CellView> GetCell(string cellId) => (await node.Grains.GetGrain<ICellGrain>(cellId).Get())!;
}
