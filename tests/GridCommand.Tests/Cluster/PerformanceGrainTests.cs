using System.Text.Json;
using GridCommand.Contracts;
using GridCommand.Contracts.Cells;
using GridCommand.Contracts.Incidents;
using GridCommand.Contracts.Stations;
using GridCommand.Contracts.Units;
using GridCommand.Rules;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Performance;
using GridCommand.Rules.Stations;
using GridCommand.Rules.Units;
using GridCommand.Silo.Performance;
using GridCommand.Silo.Storage;
using GridCommand.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GridCommand.Tests.Cluster;

public sealed class SqlitePerformanceGrainTests(SqliteTestDatabase db) : PerformanceGrainContract(db), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresPerformanceGrainTests(PostgresTestDatabase db) : PerformanceGrainContract(db), IClassFixture<PostgresTestDatabase>;

/// <summary>
/// The incident grain on a real silo, on each database, logs the records the stations' performance is computed from:
/// its station and report when it opens, its outcome once when it first ends (not again when a resolved one is closed),
/// a diverted report's at once; and the station's figures read back from them.
/// </summary>
public abstract class PerformanceGrainContract(TestDatabase db)
{
    [Fact]
    public async Task An_incident_logs_its_station_when_reported_and_its_outcome_once_when_it_ends()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (stationId, guardId) = ($"S-{suffix}", $"G-{suffix}");
        await using var node = await TestNode.StartAsync(db);
        var cell = node.Grid.Cells[Random.Shared.Next(node.Grid.Cells.Count)];
        await node.Grains.GetGrain<IStationGrain>(stationId)
            .Register(new StationRegistration("瘦西湖警务室", StationKind.PoliceRoom, cell.Centre.Lat, cell.Centre.Lon, [cell.Id]));
        await Eventually.Until(() => node.Grains.GetGrain<ICellGrain>(cell.Id).StationId(), s => s == stationId, "the cell knows its station");
        var guard = node.Grains.GetGrain<IUnitGrain>(guardId);
        await guard.Enrol(new UnitEnrolment(UnitKind.Guard, "保安 王华", stationId, null, null, DeviceKeys.Hash(guardId, "key"), "test"));
        await guard.SetDuty(true, "test");
        await guard.ReportPosition(new PositionFix(cell.Centre, DateTimeOffset.UtcNow, 0, 0, 5));

        var theftId = $"I-{suffix}-1";
        var theft = node.Grains.GetGrain<IIncidentGrain>(theftId);
        await theft.Open(new IncidentOpening("theft", 2, cell.Centre.Lat, cell.Centre.Lon, null, null, IncidentSource.Radio, null, DateTimeOffset.UtcNow, "test"));
        var task = await theft.Dispatch(new DispatchOrder(guardId, null, false, false, "dispatcher"));
        foreach (var answer in new[] { TaskAnswer.Accept, TaskAnswer.Arrive, TaskAnswer.Complete })
            await theft.Answer(task.TaskId, guardId, answer, null);
        await theft.Close("物归原主", "dispatcher");
        var noiseId = $"I-{suffix}-2";
        await node.Grains.GetGrain<IIncidentGrain>(noiseId).Open(new IncidentOpening("noise", 3, cell.Centre.Lat, cell.Centre.Lon, null, null,
            IncidentSource.Call110, "城管", DateTimeOffset.UtcNow, "test"));

        var database = node.Services.GetRequiredService<GridDatabase>();
        var theftLog = await database.Events.ReadAsync(GrainKinds.Incident, theftId);
        var received = Data(Assert.Single(theftLog, e => e.Event.What == IncidentRecord.Received));
        Assert.Equal((stationId, cell.Id, "theft", "new"), (received.Str("stationId"), received.Str("cellId"), received.Str("type"), received.Str("status")));
        var outcome = Data(Assert.Single(theftLog, e => e.Event.What == IncidentRecord.Ended));
        Assert.Equal(("resolved", "guard", 1), (outcome.Str("status"), outcome.Str("firstOnSceneKind"), outcome.GetProperty("reportCount").GetInt32()));
        Assert.NotEqual(JsonValueKind.Null, outcome.GetProperty("firstDispatchAt").ValueKind);
        Assert.Equal(["task.complete", IncidentRecord.Ended], theftLog.Select(e => e.Event.What).SkipWhile(w => w != "task.complete").Take(2));
        var noiseLog = await database.Events.ReadAsync(GrainKinds.Incident, noiseId);
        Assert.Equal(["incident.opened", IncidentRecord.Received, IncidentRecord.Ended], noiseLog.Select(e => e.Event.What));
        Assert.Equal(("diverted", "城管"), (Data(noiseLog[2]).Str("status"), Data(noiseLog[2]).Str("divertedTo")));

        var city = node.Services.GetRequiredService<CityClock>();
        var today = city.Today(DateTimeOffset.UtcNow);
        var total = (await new PerformanceReader(database, city, TimeProvider.System).ReadAsync(new PerformancePeriod(today.AddDays(-1), today), stationId))
            .Station(stationId, null).Total;
        Assert.Equal((2, 2, 1.0, 0.5, 1.0), (total.Received, total.Handled, total.ClosureRate!.Value, total.DiversionRate!.Value, total.NeighboursFirstRate!.Value));
        await node.StopAsync();
    }

    private static JsonElement Data(Grains.Storage.LoggedEvent e) => JsonDocument.Parse(e.Event.Data!).RootElement;
}

file static class JsonText
{
    public static string? Str(this JsonElement e, string property) => e.GetProperty(property).GetString();
}
