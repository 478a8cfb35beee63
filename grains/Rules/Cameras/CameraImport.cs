using GridCommand.Rules.Geo;

namespace GridCommand.Rules.Cameras;

/// <summary>What an import file holds once checked: the cameras to save and the rows refused, with their line and why.</summary>
public sealed record CameraImport(IReadOnlyList<Camera> Cameras, IReadOnlyList<RejectedRow> Rejected)
{
    /// <summary>Checks every row on its own: a bad row is refused, the good ones go on. An id twice in one file: the first row wins.</summary>
    public static CameraImport Check(CameraFileRows file, CityGrid grid)
    {
        var cameras = new List<Camera>();
        var rejected = new List<RejectedRow>(file.Unreadable);
        var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, input) in file.Rows)
        {
            var (camera, error) = input.Check(grid);
            if (camera is not null && lineOf.TryGetValue(camera.Id, out var first)) error = $"id {camera.Id} is on line {first} already.";
            if (error is not null) { rejected.Add(new RejectedRow(line, error)); continue; }
            lineOf[camera!.Id] = line;
            cameras.Add(camera);
        }
        return new CameraImport(cameras, [.. rejected.OrderBy(r => r.Line)]);
    }
}
