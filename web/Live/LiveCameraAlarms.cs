using GridCommand.Contracts.Cameras;
using GridCommand.Contracts.Feed;
using Microsoft.AspNetCore.SignalR;

namespace GridCommand.Web.Live;

/// <summary>
/// The cameras' alarms of each change batch out to every wall and console as "cameraAlarm" (positions and kinds only:
/// an alarm names no link), so the camera flashes on the map; and the ones still flashing, for a page that connects
/// (or reconnects) in the middle of it.
/// </summary>
public sealed class LiveCameraAlarms(IHubContext<WallHub> wall, TimeProvider clock)
{
    /// <summary>How long a camera flashes on the walls after its alarm came in.</summary>
    public static readonly TimeSpan FlashFor = TimeSpan.FromMinutes(2);
    private readonly Lock _lock = new();
    private readonly Queue<(DateTimeOffset Received, CameraAlarmView Alarm)> _recent = new();

    /// <summary>From <see cref="CityFeedReceiver"/>.</summary>
    public void OnChanges(CityChanges changes)
    {
        foreach (var alarm in changes.CameraAlarms ?? [])
        {
            lock (_lock) _recent.Enqueue((clock.GetUtcNow(), alarm));
            _ = wall.Clients.All.SendAsync("cameraAlarm", alarm);
        }
    }

    /// <returns>the alarms of the last <see cref="FlashFor"/>, oldest first.</returns>
    public IReadOnlyList<CameraAlarmView> Flashing()
    {
        var since = clock.GetUtcNow() - FlashFor;
        lock (_lock)
        {
            while (_recent.TryPeek(out var oldest) && oldest.Received < since) _recent.Dequeue();
            return [.. _recent.Select(r => r.Alarm)];
        }
    }
}
