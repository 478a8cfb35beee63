using GridCommand.Rules.Cameras;
using GridCommand.Rules.Geo;

namespace GridCommand.Silo.Demo;

/// <summary>
/// The demo city's cameras (雪亮): a few thousand spread over the grid cells, more where the city is dense, with
/// links on a domain that never resolves. A fixed seed, so the same cameras (and ids) on every start.
/// </summary>
public static class DemoCameras
{
    public const int Count = 3000;
    private const int Seed = 20261201;
    private const double SpreadMeters = 250;
    private static readonly string[] Kinds = ["球机", "枪机", "人脸卡口", "车辆卡口"];
    private static readonly string[] Owners = ["公安", "社会面", "小区物业", "商户"];

    public static IReadOnlyList<Camera> Of(CityGrid grid)
    {
        var random = new Random(Seed);
        var cameras = new List<Camera>(Count);
        for (var i = 1; cameras.Count < Count && i < Count * 2; i++)
        {
            var cell = grid.Cells[random.Next(grid.Cells.Count)];
            var at = cell.Centre.Offset(SpreadMeters * random.NextDouble(), random.NextDouble() * 360);
            if (grid.CellAt(at) is not { } inCell) continue;
            var id = $"CAM{i:D5}";
            cameras.Add(new Camera(id, $"{inCell.Name} 雪亮{i:D4}", at.Lat, at.Lon, inCell.Id, Kinds[random.Next(Kinds.Length)],
                Owners[random.Next(Owners.Length)], $"https://video.demo.invalid/live/{id}", $"https://video.demo.invalid/snapshot/{id}.jpg"));
        }
        return cameras;
    }
}
