namespace GridCommand.Contracts.Cameras;

/// <summary>
/// A camera's alarm as the screens hear of it (the wall flashes the camera): where, what kind, the incident type it
/// suggests and the station candidate it went to (null when no station covers the camera's cell).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CameraAlarmView(
    string CameraId, string CameraName, double Lat, double Lon, string CellId, string Kind, string Type, int Priority, DateTimeOffset At,
    string? StationId, string? CandidateId, int Reports);
