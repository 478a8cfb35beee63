using GridCommand.Rules.Checkins;
using GridCommand.Rules.Units;
using GridCommand.Silo.Storage;
using Xunit;

namespace GridCommand.Tests.Storage;

public sealed class SqliteCheckinStoreTests(SqliteTestDatabase db) : CheckinStoreContract(db), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresCheckinStoreTests(PostgresTestDatabase db) : CheckinStoreContract(db), IClassFixture<PostgresTestDatabase>;

/// <summary>
/// The check-in tables on each database: a cell's check-ins page newest first, the city's are found since a time, a
/// check-in saved twice is kept once, and a photo comes back byte for byte. Each test has a cell id of its own.
/// </summary>
public abstract class CheckinStoreContract(TestDatabase db) : StoreContract(db)
{
    private static readonly DateTimeOffset T0 = new(2030, 5, 1, 9, 3, 0, TimeSpan.Zero);
    private readonly string cellId = $"C{Guid.NewGuid():N}"[..12];

    [Fact]
    public async Task A_cells_check_ins_page_newest_first_with_every_field_as_saved()
    {
        for (var i = 0; i < 5; i++) await Database.Checkins.AddAsync(Checkin($"{cellId}-{i}", T0.AddMinutes(i)));
        await Database.Checkins.AddAsync(Checkin($"{cellId}-tie", T0.AddMinutes(2))); // the same time as -2: ordered by id
        await Database.Checkins.AddAsync(Checkin($"{cellId}-0", T0.AddHours(5)) with { Note = "again" }); // saved twice: kept once

        var first = (await Database.Checkins.ReadCellAsync(cellId, 3, null))!;
        Assert.Equal([$"{cellId}-4", $"{cellId}-3", $"{cellId}-tie"], first.Select(c => c.Id));
        var rest = (await Database.Checkins.ReadCellAsync(cellId, 10, first[^1].Id))!;
        Assert.Equal([$"{cellId}-2", $"{cellId}-1", $"{cellId}-0"], rest.Select(c => c.Id));

        Assert.Equal(Checkin($"{cellId}-0", T0), rest[^1]);
        Assert.Null(await Database.Checkins.ReadCellAsync(cellId, 10, "K-not-here"));
        Assert.Empty((await Database.Checkins.ReadCellAsync($"{cellId}-other", 10, null))!);
    }

    [Fact]
    public async Task The_citys_check_ins_since_a_time_come_newest_first()
    {
        var since = T0.AddYears(1).AddDays(Random.Shared.Next(1000)); // a day no other test writes
        await Database.Checkins.AddAsync(Checkin($"{cellId}-before", since.AddSeconds(-1)));
        await Database.Checkins.AddAsync(Checkin($"{cellId}-a", since));
        await Database.Checkins.AddAsync(Checkin($"{cellId}-b", since.AddHours(1)) with { Note = null, StationId = null, PhotoType = null });

        var found = (await Database.Checkins.ReadSinceAsync(since, 1000)).Where(c => c.CellId == cellId).ToList(); // other tests' days may come later
        Assert.Equal([$"{cellId}-b", $"{cellId}-a"], found.Select(c => c.Id));
        Assert.Equal((null, null, null), (found[0].Note, found[0].StationId, found[0].PhotoType));
    }

    [Fact]
    public async Task A_days_check_ins_are_counted_by_station_and_category()
    {
        var day = T0.AddYears(5).AddDays(Random.Shared.Next(1000)); // a day no other test writes
        await Database.Checkins.AddAsync(Checkin($"{cellId}-1", day.AddHours(1)));
        await Database.Checkins.AddAsync(Checkin($"{cellId}-2", day.AddHours(2)));
        await Database.Checkins.AddAsync(Checkin($"{cellId}-3", day.AddHours(3)) with { Category = CheckinCategory.Visit });
        await Database.Checkins.AddAsync(Checkin($"{cellId}-4", day.AddHours(4)) with { StationId = "S02" });
        await Database.Checkins.AddAsync(Checkin($"{cellId}-5", day.AddHours(5)) with { StationId = null });
        await Database.Checkins.AddAsync(Checkin($"{cellId}-next", day.AddDays(1)));

        var counts = await Database.Checkins.CountByStationAsync(day, day.AddDays(1));
        Assert.Equal(
            new HashSet<StationCheckins>
            {
                new("S01", CheckinCategory.Inspection, 2), new("S01", CheckinCategory.Visit, 1), new("S02", CheckinCategory.Inspection, 1),
                new(null, CheckinCategory.Inspection, 1),
            },
            counts.ToHashSet());
    }

    [Fact]
    public async Task A_photo_comes_back_byte_for_byte_and_a_check_in_without_one_has_none()
    {
        var bytes = new byte[300_000];
        Random.Shared.NextBytes(bytes);
        bytes[0] = 0xFF;
        await Database.Checkins.SavePhotoAsync($"{cellId}-p", new CheckinPhoto(PhotoTypes.Jpeg, bytes));

        var photo = (await Database.Checkins.ReadPhotoAsync($"{cellId}-p"))!;
        Assert.Equal(PhotoTypes.Jpeg, photo.MediaType);
        Assert.Equal(bytes, photo.Bytes);
        Assert.Null(await Database.Checkins.ReadPhotoAsync($"{cellId}-none"));
    }

    private Checkin Checkin(string id, DateTimeOffset at) =>
        new(id, "G00001", "王华", UnitKind.Guard, "S01", cellId, CheckinCategory.Inspection, "消防通道畅通", 32.4, 119.4, at, PhotoTypes.Png);
}
