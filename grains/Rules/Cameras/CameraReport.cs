using GridCommand.Rules.Geo;

namespace GridCommand.Rules.Cameras;

/// <summary>A camera's alarm on its way to the station covering the camera's cell.</summary>
public sealed record CameraReport(string CameraId, string CameraName, string CellId, GeoPoint Place, string Kind, string Type, int Priority, DateTimeOffset At);
