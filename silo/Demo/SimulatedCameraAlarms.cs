using GridCommand.Contracts.Cameras;
using GridCommand.Rules.Cameras;
using GridCommand.Rules.Geo;

namespace GridCommand.Silo.Demo;

/// <summary>
/// The demo city's video platform: now and then an alarm of a default kind from one of the demo cameras, so the wall's
/// camera layer flashes and the stations' intake tabs have camera candidates to show.
/// </summary>
public sealed class SimulatedCameraAlarms(IGrainFactory grains, CityGrid grid)
{
    private readonly IReadOnlyList<Camera> _cameras = DemoCameras.Of(grid);
    private readonly string[] _kinds = [.. CameraSettings.DefaultAlarmKinds.Keys];

    public void Raise(Random random, DateTimeOffset now)
    {
        if (_cameras.Count == 0) return;
        var camera = _cameras[random.Next(_cameras.Count)];
        var kind = _kinds[random.Next(_kinds.Length)];
        var makes = CameraSettings.DefaultAlarmKinds[kind];
        grains.GetGrain<ICameraGrain>(camera.Id).Alarm(new CameraAlarm(camera, kind, makes.Type, makes.Priority, now, "demo:video-platform")).Ignore();
    }
}
