using GridCommand.Rules.Dispatch;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Units;

namespace GridCommand.Tests.Rules;

/// <summary>Ranking by ETA (not distance) over available, fresh, not-excluded units; kind filter and limit.</summary>
public sealed class RecommenderTests
{
    private static readonly DateTimeOffset Now = new(2025, 10, 2, 4, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Scene = new(32.38, 119.42);
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(120);
    private readonly Recommender _recommender = new(new StraightLineEta(new DispatchSettings()), StaleAfter);

    private static UnitSnapshot Unit(string id, UnitKind kind, double meters, double heading = 0,
        DutyStatus status = DutyStatus.Available, TimeSpan? fixAge = null)
    {
        var at = Scene.Offset(meters, heading);
        return new UnitSnapshot(id, kind, $"name-{id}", status, at.Lat, at.Lon, Now - (fixAge ?? TimeSpan.FromSeconds(5)), null,
            false, null, null, null, 1);
    }

    private IReadOnlyList<Recommendation> Rank(IEnumerable<UnitSnapshot> units, ISet<string>? excluded = null, UnitKind? kind = null, int limit = 10) =>
        _recommender.Rank(Scene, units, Now, excluded ?? new HashSet<string>(), kind, limit);

    [Fact]
    public void A_car_900_m_away_beats_a_guard_on_foot_400_m_away()
    {
        var ranked = Rank([Unit("guard", UnitKind.Guard, 400, 90), Unit("car", UnitKind.PatrolCar, 900)]);

        Assert.Equal(["car", "guard"], ranked.Select(r => r.UnitId));
        var car = ranked[0];
        var guard = ranked[1];
        // 900 m × 1.4 / (40 km/h) ≈ 113 s; 400 m × 1.4 / (5 km/h) ≈ 404 s.
        Assert.InRange(car.EtaSeconds, 110, 116);
        Assert.InRange(guard.EtaSeconds, 400, 407);
        Assert.InRange(car.DistanceMeters, 895, 905);
        Assert.InRange(guard.DistanceMeters, 395, 405);
        Assert.Equal(UnitKind.PatrolCar, car.Kind);
        Assert.Equal("name-car", car.Name);
        Assert.Equal(5, car.FixAgeSeconds);
    }

    [Fact]
    public void Stale_off_duty_busy_excluded_and_fixless_units_are_left_out()
    {
        var noFix = new UnitSnapshot("nofix", UnitKind.PatrolCar, "n", DutyStatus.Available, null, null, null, null, true, null, null, null, 1);
        var units = new[]
        {
            Unit("fresh", UnitKind.Guard, 300),
            Unit("stale", UnitKind.PatrolCar, 100, fixAge: TimeSpan.FromSeconds(121)),
            Unit("off", UnitKind.PatrolCar, 100, status: DutyStatus.OffDuty),
            Unit("assigned", UnitKind.PatrolCar, 100, status: DutyStatus.Assigned),
            Unit("enroute", UnitKind.PatrolCar, 100, status: DutyStatus.EnRoute),
            Unit("onscene", UnitKind.PatrolCar, 100, status: DutyStatus.OnScene),
            Unit("declined", UnitKind.PatrolCar, 100),
            noFix,
        };

        var ranked = Rank(units, excluded: new HashSet<string> { "declined" });

        Assert.Equal(["fresh"], ranked.Select(r => r.UnitId));
    }

    [Fact]
    public void A_fix_exactly_as_old_as_the_limit_still_counts()
    {
        var ranked = Rank([Unit("edge", UnitKind.PatrolCar, 100, fixAge: StaleAfter)]);
        Assert.Single(ranked);
        Assert.Equal(120, ranked[0].FixAgeSeconds);
    }

    [Fact]
    public void The_kind_filter_keeps_only_that_kind()
    {
        var units = new[] { Unit("car", UnitKind.PatrolCar, 900), Unit("g1", UnitKind.Guard, 400), Unit("g2", UnitKind.Guard, 200, 180) };

        var ranked = Rank(units, kind: UnitKind.Guard);

        Assert.Equal(["g2", "g1"], ranked.Select(r => r.UnitId));
    }

    [Fact]
    public void The_limit_keeps_the_fastest()
    {
        var units = Enumerable.Range(1, 6).Select(i => Unit($"u{i}", UnitKind.PatrolCar, i * 200)).Reverse();

        var ranked = Rank(units, limit: 3);

        Assert.Equal(["u1", "u2", "u3"], ranked.Select(r => r.UnitId));
    }

    [Fact]
    public void Equal_etas_are_ordered_by_distance_then_id()
    {
        var units = new[] { Unit("b", UnitKind.PatrolCar, 500, 0), Unit("a", UnitKind.PatrolCar, 500, 180) };
        Assert.Equal(["a", "b"], Rank(units).Select(r => r.UnitId));
    }

    [Fact]
    public void The_eta_model_uses_the_detour_factor_and_the_kind_speed()
    {
        var eta = new StraightLineEta(new DispatchSettings());
        var from = Scene.Offset(1000, 0);
        var meters = from.DistanceTo(Scene);
        Assert.InRange(meters, 995, 1005);
        Assert.Equal(meters * 1.4 / (40 / 3.6), eta.Estimate(from, Scene, UnitKind.PatrolCar).TotalSeconds, 6);
        Assert.Equal(meters * 1.4 / (5 / 3.6), eta.Estimate(from, Scene, UnitKind.Guard).TotalSeconds, 6);
        Assert.Equal(meters * 1.4 / (5 / 3.6), eta.Estimate(from, Scene, UnitKind.FootPatrol).TotalSeconds, 6);
    }
}
