using GridCommand.Contracts.Cells;
using GridCommand.Contracts.Units;
using GridCommand.Rules.Units;
using GridCommand.Tests.Storage;

namespace GridCommand.Tests.Cluster;

/// <summary>Three silos on PostgreSQL whose units refresh their reach every 2 s.</summary>
public sealed class ThreeSiloCoverageCluster() : GridTestCluster(3, new PostgresTestDatabase(),
    ("Coverage:RefreshInterval", "00:00:02"), ("Grains:PositionSaveInterval", "00:00:02"));

/// <summary>Cells and units on a silo that dies lose their coverage entries; the units' refreshes bring them back.</summary>
public sealed class CoverageRecoveryTests(ThreeSiloCoverageCluster fixture) : IClassFixture<ThreeSiloCoverageCluster>
{
    [Fact]
    public async Task After_a_silo_dies_every_cell_is_covered_again_by_its_guard_standing_still()
    {
        var cells = Enumerable.Range(0, 12).Select(i => $"C{8 + i:D2}-{4 + 2 * i:D2}").ToArray();
        var guards = cells.Select((_, i) => $"G-rec-{i:D2}").ToArray();
        for (var i = 0; i < cells.Length; i++)
        {
            var unit = Unit(guards[i]);
            await unit.Enrol(new UnitEnrolment(UnitKind.Guard, $"岗哨{i}", null, null, null, DeviceKeys.Hash(guards[i], "key"), "test"));
            await unit.SetDuty(true, "test");
        }
        using var stop = new CancellationTokenSource();
        var reporting = StandStill(cells, guards, stop.Token);
        await Eventually.Succeeds(async () => Assert.Equal(guards, await CoveredBy(cells)), TimeSpan.FromSeconds(20));

        await fixture.Cluster.KillSiloAsync(fixture.Cluster.SecondarySilos[0]);

        await Eventually.Succeeds(async () => Assert.Equal(guards, await CoveredBy(cells)), TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await reporting;
    }

    /// <summary>Each guard reports its same spot, a cell's centre, twice a second: fixes that change nothing but time.</summary>
    private async Task StandStill(string[] cells, string[] guards, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < cells.Length; i++)
            {
                try
                {
                    await Unit(guards[i]).ReportPosition(new PositionFix(fixture.Grid.Find(cells[i])!.Centre, now));
                }
                catch (Exception) when (!stop.IsCancellationRequested)
                {
                    // The silo dying: this fix is lost, the next one goes to the unit where it lives again.
                }
            }
            try
            {
                await Task.Delay(500, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private async Task<string?[]> CoveredBy(string[] cells)
    {
        var covered = new string?[cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            try
            {
                var coverage = await fixture.Grains.GetGrain<ICellGrain>(cells[i]).Coverage();
                covered[i] = coverage is { EtaSeconds: 0 } ? coverage.UnitId : null;
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                covered[i] = null; // its silo just died: asked again next round
            }
        }
        return covered;
    }

    private IUnitGrain Unit(string id) => fixture.Grains.GetGrain<IUnitGrain>(id);
}
