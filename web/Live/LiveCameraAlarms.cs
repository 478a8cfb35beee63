using GridCommand.Contracts.Feed;
using Microsoft.AspNetCore.SignalR;

namespace GridCommand.Web.Live;

/// <summary>
/// The cameras' alarms of each change batch out to every wall and console as "cameraAlarm" (positions and kinds only:
/// an alarm names no link), so the camera flashes on the map.
/// </summary>
public sealed class LiveCameraAlarms(IHubContext<WallHub> wall)
{
    /// <summary>From <see cref="CityFeedReceiver"/>.</summary>
    public void OnChanges(CityChanges changes)
    {
        foreach (var alarm in changes.CameraAlarms ?? []) _ = wall.Clients.All.SendAsync("cameraAlarm", alarm);
    }
}
