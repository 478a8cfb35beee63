using GridCommand.Rules.Cameras;

namespace GridCommand.Contracts.Cameras;

/// <summary>
/// A camera's live alarm state, keyed by the camera's id (the catalogue itself is a table: 60,000 cameras are not
/// 60,000 grains). Activated by its alarms only.
/// </summary>
public interface ICameraGrain : IGrainWithStringKey
{
    /// <summary>
    /// Queues the alarm at the station covering the camera's cell (alarms close together join one candidate), logs
    /// camera.alarm and tells the walls.
    /// </summary>
    Task<CameraAlarmView> Alarm(CameraAlarm alarm);

    /// <summary>The camera's latest alarms, newest first.</summary>
    Task<IReadOnlyList<CameraAlarmView>> Recent();
}

/// <summary>An alarm from a video platform about a camera of the catalogue, already validated and its kind mapped.</summary>
[GenerateSerializer, Immutable]
public sealed record CameraAlarm(Camera Camera, string Kind, string Type, int Priority, DateTimeOffset At, string By);
