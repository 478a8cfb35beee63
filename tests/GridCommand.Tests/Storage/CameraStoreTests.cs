using GridCommand.Rules.Cameras;
using GridCommand.Rules.Geo;
using GridCommand.Silo.Storage;
using Xunit;

namespace GridCommand.Tests.Storage;

public sealed class SqliteCameraStoreTests(SqliteTestDatabase db) : CameraStoreContract(db), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresCameraStoreTests(PostgresTestDatabase db) : CameraStoreContract(db), IClassFixture<PostgresTestDatabase>;

/// <summary>
/// The camera catalogue on each database: saves count what they added and updated, a box pages in id order, the nearest
/// are found, cells are counted, a camera is deleted. Each test keeps to a place (and id prefix) of its own.
/// </summary>
public abstract class CameraStoreContract(TestDatabase db) : StoreContract(db)
{
    private static readonly DateTimeOffset T0 = new(2030, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string prefix = $"K{Guid.NewGuid():N}"[..10];
    private readonly GeoPoint here = new(10 + Random.Shared.NextDouble() * 50, 10 + Random.Shared.NextDouble() * 100);

    private Camera Cam(int i, double meters = 0, string name = "雪亮") =>
        new($"{prefix}-{i:D4}", $"{name}{i}", here.Offset(meters, 90).Lat, here.Offset(meters, 90).Lon, $"{prefix}-cell", "球机", "公安",
            $"https://v.example/{i}", null);

    [Fact]
    public async Task Saving_counts_added_and_updated_cameras_and_keeps_every_field()
    {
        var first = await Database.Cameras.SaveAsync([Cam(1), Cam(2)], T0);
        var second = await Database.Cameras.SaveAsync([Cam(2, name: "改名"), Cam(3)], T0.AddMinutes(1));

        Assert.Equal(new CameraSaveCounts(2, 0), first);
        Assert.Equal(new CameraSaveCounts(1, 1), second);
        Assert.Equal(Cam(1), await Database.Cameras.FindAsync(Cam(1).Id));
        Assert.Equal("改名2", (await Database.Cameras.FindAsync(Cam(2).Id))!.Name);
        Assert.Null(await Database.Cameras.FindAsync($"{prefix}-none"));
    }

    [Fact]
    public async Task A_large_save_goes_in_batches_and_still_counts_what_it_added_and_updated()
    {
        var first = Enumerable.Range(0, 4500).Select(i => Cam(i, i % 100)).ToList();
        Assert.Equal(new CameraSaveCounts(4500, 0), await Database.Cameras.SaveAsync(first, T0));
        var second = Enumerable.Range(500, 4500).Select(i => Cam(i, i % 100, "再次")).ToList();
        Assert.Equal(new CameraSaveCounts(500, 4000), await Database.Cameras.SaveAsync(second, T0));
        Assert.Equal("再次4999", (await Database.Cameras.FindAsync(Cam(4999).Id))!.Name);
    }

    [Fact]
    public async Task A_box_pages_its_cameras_in_id_order_and_leaves_out_those_outside()
    {
        await Database.Cameras.SaveAsync([.. Enumerable.Range(0, 7).Select(i => Cam(i, i * 10)), Cam(99, 5000)], T0);
        var box = NearestCameras.BoxAround(here, 500);

        var page1 = await Database.Cameras.ReadAsync(box, 4, null);
        var page2 = await Database.Cameras.ReadAsync(box, 4, page1[^1].Id);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => Cam(i).Id), page1.Concat(page2).Select(c => c.Id));
        Assert.Equal(4, page1.Count);
        Assert.Contains(Cam(99).Id, (await Database.Cameras.ReadAsync(null, 1000, $"{prefix}-0098")).Select(c => c.Id));
    }

    [Fact]
    public async Task The_nearest_cameras_come_closest_first_and_cells_are_counted()
    {
        await Database.Cameras.SaveAsync([Cam(1, 800), Cam(2, 50), Cam(3, 300), Cam(4, 3000)], T0);

        var nearest = await Database.Cameras.NearestAsync(here, 5, 1000);
        Assert.Equal([Cam(2).Id, Cam(3).Id, Cam(1).Id], nearest.Select(n => n.Camera.Id));
        Assert.InRange(nearest[0].Meters, 49, 51);
        Assert.Contains(new CellCameraCount($"{prefix}-cell", 4), await Database.Cameras.CountByCellAsync());
    }

    [Fact]
    public async Task A_deleted_camera_is_gone_and_deleting_it_again_finds_nothing()
    {
        await Database.Cameras.SaveAsync([Cam(1)], T0);
        Assert.True(await Database.Cameras.DeleteAsync(Cam(1).Id));
        Assert.False(await Database.Cameras.DeleteAsync(Cam(1).Id));
        Assert.Null(await Database.Cameras.FindAsync(Cam(1).Id));
    }
}
