using GridCommand.Contracts.Cells;
using GridCommand.Contracts.Units;
using GridCommand.Rules.Units;
using GridCommand.Tests.Storage;
using Xunit;

namespace GridCommand.Tests.Cluster;

/// <summary>A node whose fixes go stale after two seconds, so the screens' "no recent fix" can be watched happening.</summary>
public sealed class QuicklyStaleNode : IAsyncLifetime
{
    private readonly SqliteTestDatabase db = new();

    public TestNode Node { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await db.InitializeAsync();
        var ports = LoopbackPorts.Free(2);
        var settings = TestNode.NodeSettings(db, ports[0], ports[1]);
        settings["Grains:StaleAfter"] = "00:00:02";
        Node = await TestNode.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        await db.DisposeAsync();
    }
}

public sealed class StalenessTests(QuicklyStaleNode fixture) : IClassFixture<QuicklyStaleNode>
{
    private readonly TestNode node = fixture.Node;

    [Fact]
    public async Task A_unit_that_stops_reporting_goes_stale_on_time_in_its_cell_and_again_after_a_fresh_fix()
    {
        const string cellId = "C08-08";
        var unit = node.Grains.GetGrain<IUnitGrain>("STALE-1");
        await unit.Enrol(new UnitEnrolment(UnitKind.Guard, "岗亭保安", null, null, null, DeviceKeys.Hash("STALE-1", "key"), "test"));

        for (var round = 0; round < 2; round++)
        {
            var reported = DateTimeOffset.UtcNow;
            await unit.ReportPosition(new PositionFix(node.Grid.Find(cellId)!.Centre, reported));
            await Eventually.Succeeds(async () => Assert.False((await unit.Get())!.Unit.Stale), TimeSpan.FromSeconds(5));

            await Eventually.Succeeds(async () =>
            {
                Assert.True((await unit.Get())!.Unit.Stale);
                Assert.True(Assert.Single((await node.Grains.GetGrain<ICellGrain>(cellId).Get())!.Units).Stale);
            }, TimeSpan.FromSeconds(8));
            // Stale after two seconds without a fix, and marked so within a second or so of that.
            Assert.InRange(DateTimeOffset.UtcNow - reported, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));
        }
    }
}
