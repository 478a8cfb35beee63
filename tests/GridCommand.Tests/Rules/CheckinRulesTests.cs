using GridCommand.Rules;
using GridCommand.Rules.Cells;
using GridCommand.Rules.Checkins;
using GridCommand.Rules.Units;
using Xunit;

namespace GridCommand.Tests.Rules;

/// <summary>A check-in's photo is known by its bytes, and a cell lists its check-ins of the last day newest first, each once.</summary>
public sealed class CheckinRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Jpeg_png_and_webp_are_known_by_their_first_bytes_and_anything_else_is_not_a_photo()
    {
        Assert.Equal(PhotoTypes.Jpeg, PhotoTypes.Detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F']));
        Assert.Equal(PhotoTypes.Png, PhotoTypes.Detect([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]));
        Assert.Equal(PhotoTypes.Webp, PhotoTypes.Detect("RIFF\u0024\0\0\0WEBPVP8 "u8));
        Assert.Null(PhotoTypes.Detect("<html><script>alert(1)</script>"u8)); // a page sent as image/jpeg
        Assert.Null(PhotoTypes.Detect("GIF89a"u8));
        Assert.Null(PhotoTypes.Detect("RIFF\u0024\0\0\0WAVEfmt "u8)); // RIFF, but sound
        Assert.Null(PhotoTypes.Detect([0xFF, 0xD8]));
        Assert.Null(PhotoTypes.Detect([]));
    }

    [Fact]
    public void A_cell_lists_its_check_ins_newest_first_once_each_and_at_most_twenty()
    {
        var cell = new CellState();
        Assert.True(cell.CheckedIn(Checkin("K1", T0)));
        Assert.True(cell.CheckedIn(Checkin("K3", T0.AddMinutes(10))));
        Assert.True(cell.CheckedIn(Checkin("K2", T0.AddMinutes(5)))); // made offline, sent late
        Assert.False(cell.CheckedIn(Checkin("K3", T0.AddMinutes(10)))); // told twice

        Assert.Equal(["K3", "K2", "K1"], cell.Checkins(T0.AddMinutes(11)).Select(c => c.Id));

        for (var i = 0; i < 30; i++) cell.CheckedIn(Checkin($"N{i}", T0.AddMinutes(20 + i)));
        var listed = cell.Checkins(T0.AddHours(1));
        Assert.Equal(CellState.RecentLimit, listed.Count);
        Assert.Equal(("N29", "N10"), (listed[0].Id, listed[^1].Id));
    }

    [Fact]
    public void The_cell_view_shows_the_check_ins_of_the_last_day_only()
    {
        var cell = new CellState();
        cell.CheckedIn(Checkin("K-old", T0));
        cell.CheckedIn(Checkin("K-new", T0.AddHours(20)));

        Assert.Equal(["K-new", "K-old"], cell.Checkins(T0.AddHours(23)).Select(c => c.Id));
        Assert.Equal(["K-new"], cell.Checkins(T0.AddHours(25)).Select(c => c.Id));
    }

    [Fact]
    public void Check_in_ids_carry_the_citys_date_and_time_and_the_wall_copy_has_no_note()
    {
        var id = CheckinIds.New(T0, CityClock.InZone("Asia/Shanghai"));
        Assert.Matches(@"^K261201-100000-[0-9A-F]{4}$", id);
        Assert.Null(GridCommand.Rules.GridIds.Check("id", id));
        Assert.Null(Checkin("K1", T0).WithoutNote().Note);
    }

    private static Checkin Checkin(string id, DateTimeOffset at) =>
        new(id, "G00001", "王华", UnitKind.Guard, "S01", "C10-12", CheckinCategory.PatrolStop, "店铺门窗完好", 32.4, 119.4, at);
}
