using GridCommand.Rules;
using GridCommand.Rules.Dispatch;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Lockdown;
using GridCommand.Rules.Units;

namespace GridCommand.Tests.Rules;

/// <summary>Plans' rules, the choice of units for the points (nearest, no unit twice, exclusions, unsuitable skipped), points' states and the time to seal.</summary>
public sealed class LockdownRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly GeoBounds City = new(TestCity.South, TestCity.West, TestCity.North, TestCity.East);
    private static readonly GeoPoint A = new(32.38, 119.42), B = A.Offset(2000, 90);
    private readonly Recommender _ranking = new(new StraightLineEta(new DispatchSettings()), TimeSpan.FromSeconds(120));

    private static LockdownPoint Point(string id, GeoPoint at, Ring ring = Ring.Core, PointKind kind = PointKind.BlockingPoint) =>
        new(id, $"堵控点{id}", kind, ring, at.Lat, at.Lon);

    private static UnitSnapshot Unit(string id, GeoPoint near, double meters, UnitKind kind = UnitKind.Guard, DutyStatus status = DutyStatus.Available)
    {
        var at = near.Offset(meters, 0);
        return new UnitSnapshot(id, kind, $"unit {id}", status, at.Lat, at.Lon, Now.AddSeconds(-5), null, false, null, null, null, 1);
    }

    private static ActivationState Activated(params LockdownPoint[] points)
    {
        var s = new ActivationState();
        s.Activate("plan", "关城门", points, new HashSet<Ring>(Enum.GetValues<Ring>()), null, [], drill: true, Now, "test");
        return s;
    }

    /// <summary>Every unit around every open point, all taking what they are offered.</summary>
    private async Task<Dictionary<int, string>> Choose(ActivationState s, IReadOnlyList<UnitSnapshot> units, ISet<string>? excluded = null)
    {
        var pairs = LockdownChoice.Rank(s.Unstaffed.Select(p => (p, (IEnumerable<UnitSnapshot>)units)), _ranking, Now,
            excluded ?? s.UnitsNotToAsk(), perPoint: 8);
        var taken = await LockdownChoice.Assign(pairs, _ => Task.FromResult(true));
        return taken.ToDictionary(p => p.N, p => p.Unit.UnitId);
    }

    [Fact]
    public async Task Each_point_gets_its_nearest_unit_and_no_unit_goes_to_two_points()
    {
        var s = Activated(Point("B1", A), Point("B2", B));
        var chosen = await Choose(s, [Unit("G1", A, 100), Unit("G2", A, 300), Unit("G3", B, 200), Unit("G4", B, 50)]);
        Assert.Equal(new Dictionary<int, string> { [1] = "G1", [2] = "G4" }, chosen);
    }

    [Fact]
    public async Task A_unit_nearest_to_two_points_goes_to_the_one_it_reaches_first_and_the_other_takes_the_next()
    {
        var s = Activated(Point("B1", A), Point("B2", A.Offset(150, 0)));
        var chosen = await Choose(s, [Unit("G1", A, 140), Unit("G2", A, 400)]);
        Assert.Equal("G1", chosen[2]); // 10 m from B2, 140 m from B1
        Assert.Equal("G2", chosen[1]);
        Assert.Equal(2, chosen.Values.Distinct().Count());
    }

    [Fact]
    public async Task Volunteers_busy_units_excluded_units_and_units_that_refused_the_point_are_skipped()
    {
        var s = Activated(Point("B1", A));
        s.Posts[0].Refused.Add("G2");
        var chosen = await Choose(s,
            [Unit("V1", A, 10, UnitKind.Volunteer), Unit("G1", A, 20, status: DutyStatus.EnRoute), Unit("G2", A, 30), Unit("P1", A, 40), Unit("G3", A, 60)],
            excluded: new HashSet<string> { "P1" });
        Assert.Equal("G3", chosen[1]);
    }

    [Fact]
    public async Task A_unit_that_refuses_when_asked_is_not_asked_again_and_the_point_goes_to_the_next()
    {
        var s = Activated(Point("B1", A), Point("B2", B));
        var pairs = LockdownChoice.Rank(s.Unstaffed.Select(p => (p, (IEnumerable<UnitSnapshot>)[Unit("G1", A, 10), Unit("G2", A, 20), Unit("G3", B, 20)])),
            _ranking, Now, s.UnitsNotToAsk(), 8);
        var asked = new List<string>();
        var taken = await LockdownChoice.Assign(pairs, p =>
        {
            asked.Add(p.Unit.UnitId);
            return Task.FromResult(p.Unit.UnitId != "G1"); // taken by a dispatch meanwhile
        });
        Assert.Equal(["G1", "G2", "G3"], asked);
        Assert.Equal([(1, "G2"), (2, "G3")], taken.Select(p => (p.N, p.Unit.UnitId)).Order());
    }

    [Fact]
    public void Points_go_unstaffed_then_en_route_then_staffed_and_the_last_one_seals_the_plan()
    {
        var s = Activated(Point("B1", A), Point("K1", B, Ring.City, PointKind.Checkpoint));
        Assert.All(s.Posts, p => Assert.Equal(PointState.Unstaffed, p.State));
        s.Assign(1, Unit("G1", A, 300), 200, Now.AddSeconds(1));
        s.Assign(2, Unit("G2", B, 300), 200, Now.AddSeconds(1));
        Assert.All(s.Posts, p => Assert.Equal(PointState.EnRoute, p.State));

        Assert.True(s.Staff(1, "G1", Now.AddSeconds(60)).IsOk);
        Assert.Null(s.SealedAt);
        Assert.Null(s.TimeToSeal);
        Assert.Equal(RejectionCode.Forbidden, s.Staff(2, "G1", Now.AddSeconds(70)).Code);
        Assert.True(s.Staff(2, "G2", Now.AddSeconds(95)).IsOk);

        Assert.Equal(TimeSpan.FromSeconds(95), s.TimeToSeal);
        Assert.Equal(TimeSpan.FromSeconds(300), s.SinceActivation(Now.AddSeconds(300)));
    }

    [Fact]
    public void Reaching_the_point_means_a_fix_within_50_m()
    {
        var s = Activated(Point("B1", A));
        Assert.True(ActivationState.Reaches(s.Posts[0], A.Offset(45, 10)));
        Assert.False(ActivationState.Reaches(s.Posts[0], A.Offset(60, 10)));
    }

    [Fact]
    public void A_declined_or_lapsed_offer_opens_the_point_again_but_not_for_that_unit_and_a_staffed_point_is_held()
    {
        var s = Activated(Point("B1", A), Point("B2", B));
        s.Assign(1, Unit("G1", A, 300), 200, Now);
        s.Assign(2, Unit("G2", B, 300), 200, Now.AddSeconds(25));
        Assert.Equal([1], s.Lapsed(Now.AddSeconds(30), TimeSpan.FromSeconds(30)).Select(p => p.N));

        Assert.True(s.Free(1, "G1").IsOk);
        Assert.Equal((PointState.Unstaffed, null), (s.Posts[0].State, s.Posts[0].UnitId));
        Assert.Equal(["G1"], s.Posts[0].Refused);
        s.Staff(2, "G2", Now.AddSeconds(40));
        Assert.Equal(RejectionCode.Conflict, s.Free(2, "G2").Code);
    }

    [Fact]
    public void Standing_down_releases_every_unit_given_a_point_once()
    {
        var s = Activated(Point("B1", A), Point("B2", B), Point("B3", B.Offset(500, 0)));
        s.Assign(1, Unit("G1", A, 300), 200, Now);
        s.Assign(2, Unit("G2", B, 300), 200, Now);
        Assert.True(s.StandDown(Now.AddMinutes(5), "值班员", out var released).IsOk);
        Assert.Equal(["G1", "G2"], released.Select(p => p.UnitId));
        Assert.False(s.IsActive);
        Assert.Equal(RejectionCode.Conflict, s.StandDown(Now.AddMinutes(6), "值班员", out _).Code);
        Assert.Equal(RejectionCode.Conflict, s.Accept(1, "G1").Code);
    }

    [Fact]
    public void Only_the_chosen_rings_are_staffed()
    {
        var s = new ActivationState();
        s.Activate("plan", "关城门", [Point("B1", A, Ring.Core), Point("B2", B, Ring.Urban), Point("K1", B, Ring.City, PointKind.Checkpoint)],
            new HashSet<Ring> { Ring.City, Ring.Core }, "I1", ["P9"], false, Now, "test");
        Assert.Equal(["B1", "K1"], s.Posts.Select(p => p.Point.Id));
        Assert.Equal([1, 2], s.Posts.Select(p => p.N));
        Assert.Contains("P9", s.UnitsNotToAsk());
    }

    [Theory]
    [InlineData(null, "name is required.")]
    [InlineData("关城门", "points must list at least one point.")]
    public void A_plan_needs_a_name_and_points(string? name, string error) =>
        Assert.Equal(error, LockdownPlanRules.Read(name, [], City, out _));

    [Theory]
    [InlineData("gate", "core", 32.38, 119.42, "points[0].kind must be one of checkpoint, blocking-point.")]
    [InlineData("checkpoint", "outer", 32.38, 119.42, "points[0].ring must be one of city, urban, core.")]
    [InlineData("checkpoint", "city", 31.0, 119.42, "points[0] (31, 119.42) is outside the city (lat 32.300–32.460, lon 119.330–119.520).")]
    public void A_point_with_a_wrong_kind_ring_or_place_is_refused_with_a_message_naming_it(string kind, string ring, double lat, double lon, string error) =>
        Assert.Equal(error, LockdownPlanRules.Read("关城门", [new LockdownPointInput(null, "东门检查站", kind, ring, lat, lon)], City, out _));

    [Fact]
    public void Points_without_ids_are_numbered_by_kind_and_an_id_used_twice_is_refused()
    {
        Assert.Null(LockdownPlanRules.Read("关城门", [new(null, "东门检查站", "checkpoint", "city", 32.31, 119.42), new(null, "堵控点", "blocking-point", "core", 32.38, 119.42)],
            City, out var points));
        Assert.Equal(["K001", "B002"], points.Select(p => p.Id));
        Assert.Equal("points[1].id X is used twice.", LockdownPlanRules.Read("关城门",
            [new("X", "a", "checkpoint", "city", 32.31, 119.42), new("X", "b", "checkpoint", "city", 32.31, 119.43)], City, out _));
    }

    [Fact]
    public void Rings_are_all_when_left_out_and_a_wrong_or_empty_list_is_refused()
    {
        Assert.Null(LockdownPlanRules.ReadRings(null, out var all));
        Assert.Equal(3, all.Count);
        Assert.Null(LockdownPlanRules.ReadRings(["core", "urban"], out var two));
        Assert.Equal([Ring.Urban, Ring.Core], two.Order());
        Assert.NotNull(LockdownPlanRules.ReadRings([], out _));
        Assert.NotNull(LockdownPlanRules.ReadRings(["inner"], out _));
    }

    [Fact]
    public void Lockdown_task_ids_name_their_activation_and_point_and_are_not_taken_for_incident_tasks()
    {
        var id = LockdownTaskIds.Of("L261201-120000-0A1B", 17);
        Assert.Equal(("L261201-120000-0A1B", 17), LockdownTaskIds.Parse(id));
        Assert.Null(GridCommand.Rules.Incidents.TaskIds.IncidentOf(id));
        Assert.Null(LockdownTaskIds.Parse("I261201-120000-0A1B.T3"));
        Assert.True(GridIds.IsValid(id));
    }
}
