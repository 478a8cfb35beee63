using GridCommand.Grains.Incidents;
using GridCommand.Grains.Messages;
using GridCommand.Grains.Serialization;
using GridCommand.Grains.Stations;
using GridCommand.Grains.Units;
using GridCommand.Tests.Storage;
using Xunit;

namespace GridCommand.Tests.Cluster;

public sealed class SqliteRestartTests(SqliteTestDatabase db) : RestartContract(db), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresRestartTests(PostgresTestDatabase db) : RestartContract(db), IClassFixture<PostgresTestDatabase>;

/// <summary>
/// A node is stopped (graceful leave: every grain hands off and flushes) and a new node is started on
/// the same database: a dispatcher sees the city exactly as before. Positions and cell rosters are saved
/// only on a one-hour timer in these nodes, so only the flush on shutdown can have saved them.
/// </summary>
public abstract class RestartContract(TestDatabase db)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Units_stations_incidents_and_cell_rosters_survive_a_restart()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        string stationId = $"S-{run}", u1 = $"P-{run}-1", u2 = $"P-{run}-2", incidentId = $"I-{run}";
        const string cellA = "C12-12", cellB = "C12-13";
        string[] units = [u1, u2];
        Before before;
        TestNode stoppedNode;

        await using (var first = await TestNode.StartAsync(db))
        {
            var node = first.Node;
            Assert.Equal(TimeSpan.FromHours(1), node.Runtime.Settings.PositionSaveInterval);
            var grid = node.Runtime.Grid;
            var (a, b) = (grid.Find(cellA)!.Centre, grid.Find(cellB)!.Centre);
            var now = DateTimeOffset.UtcNow;

            await first.Ask<StationView>(node.Stations, new RegisterStation(stationId, "明月湖警务工作站", StationKind.Workstation, a.Lat, a.Lon, [cellA, cellB]));
            foreach (var id in units)
                await first.Ask<UnitView>(node.Units, new EnrollUnit(id, UnitKind.PatrolCar, $"明月湖车巡{id}", stationId, null, "一中队",
                    DeviceKeys.Hash(id, "key"), "test"));
            await first.Ask<UnitView>(node.Units, new SetDuty(u1, true, "test"));
            node.Units.Tell(new ReportPosition(u1, a.Lat, a.Lon, now, 30, 45, 4), Akka.Actor.ActorRefs.NoSender);
            node.Units.Tell(new ReportPosition(u2, b.Lat, b.Lon, now, null, null, null), Akka.Actor.ActorRefs.NoSender);
            // A second, later fix of u1 within cell A: the saved position must be the latest one.
            node.Units.Tell(new ReportPosition(u1, a.Lat + 0.0005, a.Lon + 0.0005, now.AddSeconds(3), 32, 46, 3), Akka.Actor.ActorRefs.NoSender);
            await first.Ask<IncidentView>(node.Incidents, new OpenIncident(incidentId, "theft", 2, a.Lat, a.Lon, "文昌路88号", "电动车被盗",
                IncidentSource.Call110, null, now, "值班员"));

            // Wait until every grain has heard from the others (cells and stations are told, not asked).
            await Eventually.Succeeds(async () =>
            {
                var station = await first.Ask<StationView>(node.Stations, new GetStation(stationId));
                Assert.Equal(units, station.UnitIds);
                var inA = await first.Ask<CellView>(node.Cells, new GetCell(cellA));
                Assert.Equal([u1], inA.Units.Select(u => u.UnitId));
                Assert.Equal([incidentId], inA.OpenIncidents);
                Assert.Equal(1, inA.IncidentsToday["theft"]);
                var inB = await first.Ask<CellView>(node.Cells, new GetCell(cellB));
                Assert.Equal([u2], inB.Units.Select(u => u.UnitId));
                Assert.All(new[] { inA, inB }, c => Assert.Equal(stationId, c.StationId));
            }, Soon);

            before = await Snapshot(first, stationId, units, incidentId, [cellA, cellB]);
            Assert.Equal((DutyStatus.Available, cellA, now.AddSeconds(3)), (before.Units[0].Unit.Status, before.Units[0].Unit.CellId, before.Units[0].Unit.FixAt));
            Assert.Equal((DutyStatus.OffDuty, cellB), (before.Units[1].Unit.Status, before.Units[1].Unit.CellId));

            await first.StopAsync();
            stoppedNode = first;
        }

        await using var second = await TestNode.StartAsync(db);
        var after = await Snapshot(second, stationId, units, incidentId, [cellA, cellB]);

        Assert.Equal(before.Units, after.Units); // status, position, fix time, cell, station, seq
        Assert.Equal(GrainJson.Serialize(before.Station), GrainJson.Serialize(after.Station));
        Assert.Equal(GrainJson.Serialize(before.Incident), GrainJson.Serialize(after.Incident));
        Assert.Equal(GrainJson.Serialize(before.Cells), GrainJson.Serialize(after.Cells));

        // Checked last: the node reports its actor system's end asynchronously, after the stop returns.
        Assert.Empty(stoppedNode.Warnings); // a planned stop is not an incident for the operator
    }

    private static async Task<Before> Snapshot(TestNode n, string stationId, string[] units, string incidentId, string[] cells)
    {
        var node = n.Node;
        var unitViews = new List<UnitView>();
        foreach (var id in units) unitViews.Add(await n.Ask<UnitView>(node.Units, new GetUnit(id)));
        var cellViews = new List<CellView>();
        foreach (var id in cells) cellViews.Add(await n.Ask<CellView>(node.Cells, new GetCell(id)));
        return new Before(unitViews,
            await n.Ask<StationView>(node.Stations, new GetStation(stationId)),
            await n.Ask<IncidentView>(node.Incidents, new GetIncident(incidentId)),
            cellViews);
    }

    private sealed record Before(List<UnitView> Units, StationView Station, IncidentView Incident, List<CellView> Cells);
}
