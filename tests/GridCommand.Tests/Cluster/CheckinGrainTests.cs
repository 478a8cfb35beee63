using GridCommand.Contracts;
using GridCommand.Contracts.Cells;
using GridCommand.Rules.Checkins;
using GridCommand.Rules.Units;
using GridCommand.Silo.Storage;
using GridCommand.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GridCommand.Tests.Cluster;

public sealed class SqliteCheckinGrainTests(SqliteTestDatabase db) : CheckinGrainContract(db), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresCheckinGrainTests(PostgresTestDatabase db) : CheckinGrainContract(db), IClassFixture<PostgresTestDatabase>;

/// <summary>
/// The cell grain and its check-ins on a real silo, on each database: a check-in told twice is kept and logged once,
/// a cell not of the city refuses it, and the cell still lists it after the node restarts.
/// </summary>
public abstract class CheckinGrainContract(TestDatabase db)
{
    [Fact]
    public async Task A_cell_keeps_its_check_ins_once_each_across_a_restart_and_logs_them_with_their_station()
    {
        var id = $"K{Guid.NewGuid():N}"[..14];
        string cellId;
        await using (var first = await TestNode.StartAsync(db))
        {
            cellId = first.Grid.Cells[Random.Shared.Next(first.Grid.Cells.Count)].Id;
            var centre = first.Grid.Find(cellId)!.Centre;
            var checkin = new Checkin(id, "G00042", "李强", UnitKind.Guard, "S07", cellId, CheckinCategory.Visit, "走访独居老人", centre.Lat, centre.Lon,
                DateTimeOffset.UtcNow);
            var cell = first.Grains.GetGrain<ICellGrain>(cellId);
            await cell.CheckIn(checkin);
            await cell.CheckIn(checkin); // a retry

            Assert.Equal(checkin, Assert.Single((await cell.Get())!.Checkins, c => c.Id == id));
            var logged = (await first.Services.GetRequiredService<GridDatabase>().Events.ReadAsync(GrainKinds.Cell, cellId))
                .Where(e => e.Event.What == "checkin.recorded" && e.Event.Data!.Contains(id)).ToList();
            Assert.Equal("S07", System.Text.Json.JsonDocument.Parse(Assert.Single(logged).Event.Data!).RootElement.GetProperty("stationId").GetString());
            Assert.Equal([id], (await first.Services.GetRequiredService<GridDatabase>().Checkins.ReadCellAsync(cellId, 10, null))!
                .Where(c => c.Id == id).Select(c => c.Id));

            var refusal = await Assert.ThrowsAsync<Refusal>(() => first.Grains.GetGrain<ICellGrain>("C-nowhere").CheckIn(checkin with { Id = id + "x" }));
            Assert.Equal(GridCommand.Rules.RejectionCode.NotFound, refusal.Code);
            await first.StopAsync();
        }

        await using var second = await TestNode.StartAsync(db);
        var after = Assert.Single((await second.Grains.GetGrain<ICellGrain>(cellId).Get())!.Checkins, c => c.Id == id);
        Assert.Equal(("走访独居老人", CheckinCategory.Visit), (after.Note, after.Category));
    }
}
