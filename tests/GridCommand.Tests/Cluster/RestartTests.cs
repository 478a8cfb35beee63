using GridCommand.Contracts;
using GridCommand.Contracts.Cells;
using GridCommand.Contracts.Incidents;
using GridCommand.Contracts.Stations;
using GridCommand.Contracts.Units;
using GridCommand.Contracts.Volunteers;
using GridCommand.Rules;
using GridCommand.Rules.Cells;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Stations;
using GridCommand.Rules.Units;
using GridCommand.Tests.Storage;
using Xunit;

namespace GridCommand.Tests.Cluster;

public sealed class SqliteRestartTests(SqliteTestDatabase db) : RestartContract(db), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresRestartTests(PostgresTestDatabase db) : RestartContract(db), IClassFixture<PostgresTestDatabase>;

/// <summary>
/// A silo is stopped (graceful: every grain deactivates and saves, the position journal saves) and a new silo is
/// started on the same database: a dispatcher sees the city exactly as before. Positions and cell rosters are saved
/// only on one-hour timers in these nodes, so only the stop can have saved them.
/// </summary>
public abstract class RestartContract(TestDatabase db)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Units_stations_incidents_cell_rosters_and_cell_views_survive_a_restart()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        string stationId = $"S-{run}", u1 = $"P-{run}-1", u2 = $"P-{run}-2", incidentId = $"I-{run}", closedId = $"I-{run}-2";
        const string cellA = "C12-12", cellB = "C12-13";
        string[] units = [u1, u2];
        Snapshot before;
        TestNode stoppedNode;
        IReadOnlyList<string> warningsBeforeStop;

        await using (var first = await TestNode.StartAsync(db))
        {
            var grains = first.Grains;
            Assert.Equal(TimeSpan.FromHours(1), first.Settings.PositionSaveInterval);
            var (a, b) = (first.Grid.Find(cellA)!.Centre, first.Grid.Find(cellB)!.Centre);
            // Devices send their fix times to the millisecond; the journal keeps them to the microsecond.
            var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

            await grains.GetGrain<IStationGrain>(stationId).Register(new StationRegistration("明月湖警务工作站", StationKind.Workstation, a.Lat, a.Lon, [cellA, cellB]));
            foreach (var id in units)
                await grains.GetGrain<IUnitGrain>(id).Enrol(new UnitEnrolment(UnitKind.PatrolCar, $"明月湖车巡{id}", stationId, null, "一中队",
                    DeviceKeys.Hash(id, "key"), "test"));
            await grains.GetGrain<IUnitGrain>(u1).SetDuty(true, "test");
            await grains.GetGrain<IUnitGrain>(u1).ReportPosition(new PositionFix(a, now, 30, 45, 4));
            await grains.GetGrain<IUnitGrain>(u2).ReportPosition(new PositionFix(b, now));
            // A second, later fix of u1 within cell A: the saved position must be the latest one.
            await grains.GetGrain<IUnitGrain>(u1).ReportPosition(new PositionFix(new GeoPoint(a.Lat + 0.0005, a.Lon + 0.0005), now.AddSeconds(3), 32, 46, 3));
            await grains.GetGrain<IIncidentGrain>(incidentId).Open(new IncidentOpening("theft", 2, a.Lat, a.Lon, "文昌路88号", "电动车被盗",
                IncidentSource.Call110, null, now, "值班员"));
            // The cell view's grid worker and a recently closed incident are the cell's own state.
            await grains.GetGrain<ICellGrain>(cellB).SetGridWorker(new GridWorker("李秀英", "13900001111"), "test");
            await grains.GetGrain<IIncidentGrain>(closedId).Open(new IncidentOpening("noise", 3, b.Lat, b.Lon, null, null,
                IncidentSource.Call110, null, now, "值班员"));
            await grains.GetGrain<IIncidentGrain>(closedId).Close("劝离", "值班员");

            // Wait until every grain has heard from the others (cells and stations are told, not asked).
            await Eventually.Succeeds(async () =>
            {
                var station = await grains.GetGrain<IStationGrain>(stationId).Get();
                Assert.Equal(units, station!.UnitIds);
                var inA = (await grains.GetGrain<ICellGrain>(cellA).Get())!;
                Assert.Equal([u1], inA.Units.Select(u => u.UnitId));
                Assert.Equal([incidentId], inA.OpenIncidents);
                Assert.Equal(1, inA.IncidentsToday["theft"]);
                var inB = (await grains.GetGrain<ICellGrain>(cellB).Get())!;
                Assert.Equal([u2], inB.Units.Select(u => u.UnitId));
                Assert.Equal((closedId, IncidentStatus.Closed), (inB.Incidents.Single().IncidentId, inB.Incidents.Single().Status));
                Assert.Equal("李秀英", inB.GridWorker?.Name);
                Assert.All(new[] { inA, inB }, c => Assert.Equal(stationId, c.StationId));
            }, Soon);
            // The closed incident told the volunteer order board (to cancel its orders): that call is done before the stop.
            await grains.GetGrain<IVolunteerBoardGrain>(CityKeys.City).Listed(null);

            before = await Snapshot.Take(first, stationId, units, incidentId, [cellA, cellB]);
            Assert.Equal((DutyStatus.Available, cellA, now.AddSeconds(3)), (before.Units[0].Unit.Status, before.Units[0].Unit.CellId, before.Units[0].Unit.FixAt));
            Assert.Equal((DutyStatus.OffDuty, cellB), (before.Units[1].Unit.Status, before.Units[1].Unit.CellId));

            warningsBeforeStop = first.Warnings;
            await first.StopAsync();
            stoppedNode = first;
        }

        await using var second = await TestNode.StartAsync(db);
        var after = await Snapshot.Take(second, stationId, units, incidentId, [cellA, cellB]);

        Assert.Equal(before.Units, after.Units); // status, position, fix time, cell, station, seq
        Assert.Equal(GrainJson.Serialize(before.Station), GrainJson.Serialize(after.Station));
        Assert.Equal(GrainJson.Serialize(before.Incident), GrainJson.Serialize(after.Incident));
        // A unit coming back tells its cell again (that heals a roster a crash lost), so a roster may show a fresher fix.
        Assert.Equal(Rosters(before.Cells), Rosters(after.Cells));
        Assert.Equal(GrainJson.Serialize(before.Cells.Select(c => c with { Units = [] })), GrainJson.Serialize(after.Cells.Select(c => c with { Units = [] })));
        Assert.Equal(warningsBeforeStop, stoppedNode.Warnings); // a planned stop is not an incident for the operator
    }

    private static IEnumerable<string> Rosters(IEnumerable<CellView> cells) =>
        cells.SelectMany(c => c.Units.Select(u => $"{c.CellId}:{u.UnitId}:{u.Status}:{u.CellId}:{u.StationId}:{u.Stale}"));

    private sealed record Snapshot(List<UnitView> Units, StationView Station, IncidentView Incident, List<CellView> Cells)
    {
        public static async Task<Snapshot> Take(TestNode n, string stationId, string[] units, string incidentId, string[] cells)
        {
            var grains = n.Grains;
            var unitViews = new List<UnitView>();
            foreach (var id in units) unitViews.Add((await grains.GetGrain<IUnitGrain>(id).Get())!);
            var cellViews = new List<CellView>();
            foreach (var id in cells) cellViews.Add((await grains.GetGrain<ICellGrain>(id).Get())!);
            return new Snapshot(unitViews, (await grains.GetGrain<IStationGrain>(stationId).Get())!,
                (await grains.GetGrain<IIncidentGrain>(incidentId).Get())!, cellViews);
        }
    }
}
