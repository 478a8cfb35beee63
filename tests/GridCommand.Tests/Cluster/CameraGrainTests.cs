using GridCommand.Contracts;
using GridCommand.Contracts.Cameras;
using GridCommand.Contracts.Intake;
using GridCommand.Rules.Cameras;
using GridCommand.Rules.Intake;
using GridCommand.Silo.Storage;
using GridCommand.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GridCommand.Tests.Cluster;

/// <summary>
/// The camera grain on each database: alarms reach the queue of the station covering the camera's cell and collapse,
/// a camera in a cell no station covers is queued nowhere, and the alarms, the candidate and camera.alarm in the event
/// log are there after a restart.
/// </summary>
public abstract class CameraGrainTests(TestDatabase db)
{
    [Fact]
    public async Task A_cameras_alarms_collapse_in_its_stations_queue_and_are_kept_with_the_event_log_across_a_restart()
    {
        var stationId = $"S-cam-{Guid.NewGuid():N}"[..12];
        var cameraId = $"CAM-{Guid.NewGuid():N}"[..12];
        string candidateId;
        await using (var first = await TestNode.StartAsync(db))
        {
            var grains = first.Grains;
            var cell = first.Grid.Find("C11-11")!;
            await StationCover.Register(grains, stationId, "文昌警务室", cell);
            var camera = new Camera(cameraId, "文昌阁东", cell.Centre.Lat, cell.Centre.Lon, cell.Id, null, null, "https://v.example/1", null);
            var now = DateTimeOffset.UtcNow;

            var a = await grains.GetGrain<ICameraGrain>(cameraId).Alarm(new CameraAlarm(camera, "crowd", "other", 2, now, "connector:video"));
            var b = await grains.GetGrain<ICameraGrain>(cameraId).Alarm(new CameraAlarm(camera, "fire", "fire", 1, now.AddMinutes(1), "connector:video"));
            Assert.Equal((stationId, a.CandidateId, 2), (b.StationId, b.CandidateId, b.Reports));
            candidateId = a.CandidateId!;

            var lonely = first.Grid.Find("C30-30")!; // no station covers it
            var elsewhere = camera with { Id = $"{cameraId}x", CellId = lonely.Id, Lat = lonely.Centre.Lat, Lon = lonely.Centre.Lon };
            var nowhere = await grains.GetGrain<ICameraGrain>(elsewhere.Id).Alarm(new CameraAlarm(elsewhere, "fight", "fight", 1, now, "connector:video"));
            Assert.Equal(((string?)null, (string?)null), (nowhere.StationId, nowhere.CandidateId));
            await first.StopAsync();
        }

        await using var second = await TestNode.StartAsync(db);
        var candidate = (await second.Grains.GetGrain<IStationIntakeGrain>(stationId).List()).Single(c => c.Id == candidateId);
        Assert.Equal((cameraId, "fire", 2, CandidateStatus.Pending), (candidate.CameraId, candidate.Type, candidate.Reports, candidate.Status));
        Assert.Equal(["fire", "crowd"], (await second.Grains.GetGrain<ICameraGrain>(cameraId).Recent()).Select(r => r.Kind));
        var log = (await second.Services.GetRequiredService<GridDatabase>().Events.ReadAsync(GrainKinds.Camera, cameraId)).Select(e => e.Event.What).ToList();
        Assert.Equal(["camera.alarm", "camera.alarm"], log);
    }
}

public sealed class SqliteCameraGrainTests(SqliteTestDatabase db) : CameraGrainTests(db), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresCameraGrainTests(PostgresTestDatabase db) : CameraGrainTests(db), IClassFixture<PostgresTestDatabase>;
