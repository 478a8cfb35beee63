using GridCommand.Rules.Cameras;

namespace GridCommand.Web.Apis;

/// <summary>A camera added or edited in the console; the id is generated from the name and place when left out.</summary>
public sealed record CameraRequest(string? Id, string? Name, double? Lat, double? Lon, string? Kind, string? Owner, string? StreamUrl, string? SnapshotUrl)
{
    public CameraInput Input(string? id = null) => new(id ?? Id, Name, Lat, Lon, Kind, Owner, StreamUrl, SnapshotUrl);
}

/// <summary>An alarm from a video platform: the camera, the alarm kind (intrusion, crowd, fight, fire, loitering, vehicle...) and when.</summary>
public sealed record CameraAlarmRequest(string? CameraId, string? Kind, DateTimeOffset? At);

/// <summary>A camera near an incident or a place, with its distance.</summary>
public sealed record NearbyCameraView(
    string Id, string Name, double Lat, double Lon, string CellId, string? Kind, string? StreamUrl, string? SnapshotUrl, double Meters)
{
    public static NearbyCameraView Of(NearbyCamera n) =>
        new(n.Camera.Id, n.Camera.Name, n.Camera.Lat, n.Camera.Lon, n.Camera.CellId, n.Camera.Kind, n.Camera.StreamUrl, n.Camera.SnapshotUrl, Math.Round(n.Meters));
}

/// <summary>A cell's number of cameras, drawn at its centre when the map is zoomed out.</summary>
public sealed record CellCameras(string CellId, int Count, double Lat, double Lon);
