namespace GridCommand.Rules.Cameras;

/// <summary>
/// A camera of the video network (雪亮) as the catalogue keeps it: where it is, in which cell, and the stream or
/// snapshot page the console links to (the product shows no video itself).
/// </summary>
public sealed record Camera(
    string Id, string Name, double Lat, double Lon, string CellId, string? Kind, string? Owner, string? StreamUrl, string? SnapshotUrl)
{
    /// <summary>What a wall screen sees of a camera: its place, not its owner or its links.</summary>
    public Camera ForScreens() => this with { Owner = null, StreamUrl = null, SnapshotUrl = null };
}

/// <summary>A camera near a place, with its distance in metres.</summary>
public sealed record NearbyCamera(Camera Camera, double Meters);
