using GridCommand.Rules.Geo;
using GridCommand.Rules.Tracks;
using GridCommand.Rules.Units;
using Xunit;

namespace GridCommand.Tests.Rules;

public sealed class TrackTests
{
    private static readonly DateTimeOffset T0 = new(2030, 5, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private static UnitSnapshot Unit(DutyStatus status, double? lat, double? lon, DateTimeOffset? fixAt) =>
        new("P001", UnitKind.PatrolCar, "巡组一", status, lat, lon, fixAt, null, false, null, null, null, 1);

    // ---- sampling ----

    [Fact]
    public void A_moving_unit_leaves_at_most_one_point_per_interval()
    {
        var sampler = new TrackSampler(Interval);
        var kept = Enumerable.Range(0, 31) // a fix every second for 30 s
            .Select(s => sampler.Take(Unit(DutyStatus.Available, 32.4 + s * 1e-4, 119.4, T0.AddSeconds(s)), T0.AddSeconds(s)))
            .OfType<TrackPoint>().ToList();

        Assert.Equal([T0, T0.AddSeconds(10), T0.AddSeconds(20), T0.AddSeconds(30)], kept.Select(p => p.At));
        Assert.Equal(32.4 + 10 * 1e-4, kept[1].Lat, 9);
    }

    [Fact]
    public void A_status_change_leaves_a_point_at_once_with_the_new_status_at_the_time_of_the_change()
    {
        var sampler = new TrackSampler(Interval);
        sampler.Take(Unit(DutyStatus.Available, 32.4, 119.4, T0), T0);

        var assigned = sampler.Take(Unit(DutyStatus.Assigned, 32.4, 119.4, T0), T0.AddSeconds(2));
        var enRoute = sampler.Take(Unit(DutyStatus.EnRoute, 32.4, 119.4, T0), T0.AddSeconds(3));

        Assert.Equal(new TrackPoint(T0.AddSeconds(2), 32.4, 119.4, DutyStatus.Assigned), assigned);
        Assert.Equal(new TrackPoint(T0.AddSeconds(3), 32.4, 119.4, DutyStatus.EnRoute), enRoute);
        // the moving unit's interval runs on in its fixes' times
        Assert.NotNull(sampler.Take(Unit(DutyStatus.EnRoute, 32.41, 119.4, T0.AddSeconds(10)), T0.AddSeconds(10)));
        Assert.Null(sampler.Take(Unit(DutyStatus.EnRoute, 32.42, 119.4, T0.AddSeconds(13)), T0.AddSeconds(13)));
    }

    [Fact]
    public void A_unit_without_a_position_leaves_no_point()
    {
        var sampler = new TrackSampler(Interval);
        Assert.Null(sampler.Take(Unit(DutyStatus.Available, null, null, null), T0));
        Assert.NotNull(sampler.Take(Unit(DutyStatus.Available, 32.4, 119.4, T0.AddSeconds(1)), T0.AddSeconds(1)));
    }

    [Fact]
    public void A_status_change_stamped_by_a_clock_ahead_of_the_device_does_not_hold_back_the_next_fixes()
    {
        var sampler = new TrackSampler(Interval);
        sampler.Take(Unit(DutyStatus.Available, 32.4, 119.4, T0), T0.AddSeconds(30)); // the device's clock is 30 s behind
        sampler.Take(Unit(DutyStatus.Assigned, 32.4, 119.4, T0), T0.AddSeconds(31));

        Assert.NotNull(sampler.Take(Unit(DutyStatus.Assigned, 32.41, 119.4, T0.AddSeconds(10)), T0.AddSeconds(40)));
        Assert.Null(sampler.Take(Unit(DutyStatus.Assigned, 32.42, 119.4, T0.AddSeconds(15)), T0.AddSeconds(45)));
    }

    // ---- packing ----

    [Fact]
    public void Points_unpack_as_they_were_packed_to_a_metre_and_a_tenth_of_a_second()
    {
        var bucket = DateTimeOffset.FromUnixTimeSeconds(TrackGrid.Bucket(T0));
        var random = new Random(7);
        var points = Enumerable.Range(0, 60).Select(i => new TrackPoint(
            T0.AddMilliseconds(i * 10_000 + random.Next(999)), 32.39 + random.NextDouble() * 0.01, 119.41 + random.NextDouble() * 0.01,
            (DutyStatus)random.Next(5))).ToList();

        var unpacked = TrackCodec.Unpack(bucket, TrackCodec.Pack(bucket, points));

        Assert.Equal(points.Count, unpacked.Count);
        foreach (var (was, now) in points.Zip(unpacked))
        {
            Assert.Equal((was.At.ToUnixTimeMilliseconds() / 100 * 100, was.Status), (now.At.ToUnixTimeMilliseconds(), now.Status));
            Assert.InRange(Math.Abs(was.Lat - now.Lat), 0, TrackCodec.Resolution / 2 + 1e-12);
            Assert.InRange(Math.Abs(was.Lon - now.Lon), 0, TrackCodec.Resolution / 2 + 1e-12);
        }
    }

    [Fact]
    public void A_unit_sampled_every_10_s_costs_4_bytes_a_point_keeping_still_and_6_on_the_move()
    {
        var bucket = DateTimeOffset.FromUnixTimeSeconds(TrackGrid.Bucket(T0));
        var still = Enumerable.Range(1, 60).Select(i => new TrackPoint(bucket.AddSeconds(i * 10), 32.4, 119.4, DutyStatus.Available));
        var start = new GeoPoint(32.4, 119.4);
        var driving = Enumerable.Range(1, 60).Select(i => // 40 km/h, north-east
        {
            var p = start.Offset(i * 111, 45);
            return new TrackPoint(bucket.AddSeconds(i * 10), p.Lat, p.Lon, DutyStatus.EnRoute);
        });

        var stillBytes = TrackCodec.Pack(bucket, still).Length;
        var drivingBytes = TrackCodec.Pack(bucket, driving).Length;

        Assert.InRange(stillBytes, 0, 59 * 4 + 12);
        Assert.InRange(drivingBytes, 0, 59 * 6 + 12);
    }

    [Fact]
    public void Bytes_that_are_not_a_piece_are_a_format_error()
    {
        var bucket = DateTimeOffset.FromUnixTimeSeconds(0);
        Assert.Throws<FormatException>(() => TrackCodec.Unpack(bucket, [0x80, 0x80]));
        Assert.Throws<FormatException>(() => TrackCodec.Unpack(bucket, [0x07, 0x00, 0x00])); // status 7
    }

    // ---- buckets and tiles ----

    [Fact]
    public void Buckets_are_ten_minutes_and_a_window_touches_every_bucket_it_overlaps()
    {
        var at = new DateTimeOffset(2030, 5, 1, 1, 17, 30, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2030, 5, 1, 1, 10, 0, TimeSpan.Zero).ToUnixTimeSeconds(), TrackGrid.Bucket(at));
        Assert.Equal(3, TrackGrid.Buckets(at, at.AddMinutes(15)).Count()); // 1:10, 1:20, 1:30
        Assert.Single(TrackGrid.Buckets(at, at.AddMinutes(1)));
    }

    [Fact]
    public void A_box_touches_the_tiles_of_its_corners_and_all_between()
    {
        var box = new GeoBounds(32.395, 119.405, 32.425, 119.415);
        var tiles = TrackGrid.Tiles(box).ToHashSet();

        Assert.Equal(4 * 2, tiles.Count); // rows 32.39–32.42, columns 119.40–119.41
        Assert.Contains(TrackGrid.Tile(32.395, 119.405), tiles);
        Assert.Contains(TrackGrid.Tile(32.425, 119.415), tiles);
        Assert.Contains(TrackGrid.Tile(32.41, 119.41), tiles);
        Assert.DoesNotContain(TrackGrid.Tile(32.43, 119.41), tiles);
        Assert.NotEqual(TrackGrid.Tile(32.395, 119.405), TrackGrid.Tile(32.395, 119.415));
    }

    // ---- windows ----

    [Fact]
    public void An_incident_is_replayed_from_five_minutes_before_it_opened_to_a_minute_after_its_close_or_now()
    {
        var closed = ReplayWindow.ForIncident(T0, T0.AddMinutes(40), T0.AddHours(3));
        var justClosed = ReplayWindow.ForIncident(T0, T0.AddMinutes(40), T0.AddMinutes(40).AddSeconds(10));
        var open = ReplayWindow.ForIncident(T0, null, T0.AddMinutes(20));
        var long_ = ReplayWindow.ForIncident(T0, null, T0.AddDays(3));

        Assert.Equal((T0.AddMinutes(-5), T0.AddMinutes(41)), (closed.From, closed.To));
        Assert.Equal(T0.AddMinutes(40).AddSeconds(10), justClosed.To);
        Assert.Equal((T0.AddMinutes(-5), T0.AddMinutes(20)), (open.From, open.To));
        Assert.Equal(T0.AddHours(24), long_.To);
    }

    [Fact]
    public void An_area_replay_is_refused_for_a_box_wider_than_a_district_or_a_window_longer_than_30_minutes_or_backwards()
    {
        var district = new GeoBounds(32.35, 119.38, 32.42, 119.45);
        Assert.Null(ReplayWindow.CheckArea(district, T0, T0.AddMinutes(30)));
        Assert.Contains("0.1", ReplayWindow.CheckArea(district with { North = 32.46 }, T0, T0.AddMinutes(15)));
        Assert.Contains("0.1", ReplayWindow.CheckArea(district with { East = 119.49 }, T0, T0.AddMinutes(15)));
        Assert.Contains("30 minutes", ReplayWindow.CheckArea(district, T0, T0.AddMinutes(31)));
        Assert.Contains("after", ReplayWindow.CheckArea(district, T0, T0));
    }
}
