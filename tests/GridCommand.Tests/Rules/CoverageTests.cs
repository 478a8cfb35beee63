using GridCommand.Rules.Cells;
using GridCommand.Rules.Coverage;
using GridCommand.Rules.Dispatch;
using GridCommand.Rules.Units;

namespace GridCommand.Tests.Rules;

/// <summary>The 1-3-5 minute coverage rules: a unit's reach, what it tells its cells, and what a cell makes of it.</summary>
public sealed class CoverageTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly CoverageSettings Settings = new();
    private static readonly DispatchSettings Dispatch = new();
    private static readonly Recommender Eta = new(new StraightLineEta(Dispatch), TimeSpan.FromSeconds(120));
    private static readonly Reach Reach = new(TestCity.Grid, Dispatch, Eta, Settings);

    [Fact]
    public void A_patrol_car_reaches_the_cells_within_five_minutes_by_the_dispatch_eta_and_no_others()
    {
        var at = TestCity.Centre("C16-18");
        var reach = Reach.Of(at, UnitKind.PatrolCar);

        // 300 s × 40 km/h / 1.4 ≈ 2,381 m: about 70 cells of 500 m.
        Assert.InRange(reach.Count, 60, 85);
        Assert.Equal(0, reach["C16-18"]);
        foreach (var cell in TestCity.Grid.Cells)
        {
            var eta = Eta.EtaSeconds(at, cell.Centre, UnitKind.PatrolCar);
            if (eta <= 300) Assert.Equal(eta, reach[cell.Id]);
            else Assert.False(reach.ContainsKey(cell.Id), $"{cell.Id} at {eta} s is out of reach");
        }
    }

    [Fact]
    public void A_guard_on_foot_reaches_only_the_cell_whose_centre_is_within_about_300_m()
    {
        var centre = TestCity.Centre("C10-10");
        var reach = Reach.Of(centre.Offset(50, 0), UnitKind.Guard);

        Assert.Equal(["C10-10"], reach.Keys);
        Assert.InRange(reach["C10-10"], 45, 60); // 50 m × 1.4 / 5 km/h ≈ 50 s
    }

    [Fact]
    public void The_grid_finds_cells_near_a_point_outside_it_too()
    {
        var west = TestCity.At(10.5, -0.05); // 25 m west of the grid's edge, 275 m from C10-00's centre
        Assert.Equal(["C10-00"], TestCity.Grid.CellsWithCentreWithin(west, 300).Select(c => c.Id));
        Assert.Empty(TestCity.Grid.CellsWithCentreWithin(TestCity.At(10.5, -5), 1000));
    }

    [Fact]
    public void A_unit_tells_its_cells_everything_first_then_only_what_moved_by_a_step_or_left_its_reach()
    {
        var unit = new UnitCoverage(Settings);
        var first = unit.Changes(new Dictionary<string, int> { ["A"] = 100, ["B"] = 200 }, refresh: unit.RefreshDue(Now), Now);
        Assert.Equal([("A", 100), ("B", 200)], first.Select(c => (c.CellId, c.EtaSeconds!.Value)).Order());

        // A moved 5 s (under the 10 s step): nothing; B moved 10 s: told; C entered; none left.
        var second = unit.Changes(new Dictionary<string, int> { ["A"] = 105, ["B"] = 190, ["C"] = 290 }, refresh: false, Now.AddSeconds(5));
        Assert.Equal([("B", (int?)190), ("C", 290)], second.Order());

        // A drifted 5 + 6 s from what it was told: told now; C left the reach.
        var third = unit.Changes(new Dictionary<string, int> { ["A"] = 111, ["B"] = 190 }, refresh: false, Now.AddSeconds(10));
        Assert.Equal([("A", (int?)111), ("C", null)], third.Order());
    }

    [Fact]
    public void A_unit_that_can_no_longer_be_sent_withdraws_from_every_cell_and_a_refresh_resends_all()
    {
        var unit = new UnitCoverage(Settings);
        unit.Changes(new Dictionary<string, int> { ["A"] = 100, ["B"] = 200 }, refresh: true, Now);
        Assert.False(unit.RefreshDue(Now.AddSeconds(59)));
        Assert.True(unit.RefreshDue(Now.AddSeconds(60)));

        var again = unit.Changes(new Dictionary<string, int> { ["A"] = 100, ["B"] = 200 }, refresh: true, Now.AddSeconds(60));
        Assert.Equal(2, again.Count);

        var withdrawn = unit.Changes(null, refresh: false, Now.AddSeconds(61));
        Assert.Equal([("A", (int?)null), ("B", null)], withdrawn.Order());
        Assert.Empty(unit.Changes(null, refresh: false, Now.AddSeconds(62)));
    }

    [Fact]
    public void A_unit_arriving_on_a_cell_centre_is_told_even_within_the_step()
    {
        var unit = new UnitCoverage(Settings);
        unit.Changes(new Dictionary<string, int> { ["A"] = 4 }, refresh: true, Now);
        Assert.Equal([("A", (int?)0)], unit.Changes(new Dictionary<string, int> { ["A"] = 0 }, refresh: false, Now));
    }

    [Fact]
    public void A_cell_keeps_the_fastest_unit_and_the_newest_entry_of_each()
    {
        var cell = new CellCoverageBook();
        Assert.Null(cell.Best());
        cell.Apply(new CoverageEntry("guard", 5, 250), Now, Settings.EntryLifetime);
        cell.Apply(new CoverageEntry("car", 7, 90), Now, Settings.EntryLifetime);
        Assert.Equal(new CellCoverage(90, "car"), cell.Best());
        Assert.True(cell.Best()!.WithinThreeMinutes);
        Assert.False(cell.Best()!.WithinOneMinute);

        cell.Apply(new CoverageEntry("car", 6, 10), Now, Settings.EntryLifetime); // late, older: ignored
        Assert.Equal(new CellCoverage(90, "car"), cell.Best());

        cell.Apply(new CoverageEntry("car", 8, null), Now, Settings.EntryLifetime); // the car was sent
        Assert.Equal(new CellCoverage(250, "guard"), cell.Best());
        cell.Apply(new CoverageEntry("car", 7, 90), Now, Settings.EntryLifetime); // a late entry cannot bring it back
        Assert.Equal(new CellCoverage(250, "guard"), cell.Best());
    }

    [Fact]
    public void A_cell_forgets_entries_not_refreshed_for_three_refresh_intervals()
    {
        var cell = new CellCoverageBook();
        cell.Apply(new CoverageEntry("lost", 1, 30), Now, Settings.EntryLifetime);
        cell.Apply(new CoverageEntry("alive", 1, 200), Now, Settings.EntryLifetime);
        cell.Apply(new CoverageEntry("alive", 1, 200), Now.AddSeconds(120), Settings.EntryLifetime); // refreshed

        cell.Expire(Now.AddSeconds(179));
        Assert.Equal("lost", cell.Best()!.UnitId);
        cell.Expire(Now.AddSeconds(180));
        Assert.Equal(new CellCoverage(200, "alive"), cell.Best());
        cell.Expire(Now.AddSeconds(300));
        Assert.Null(cell.Best());
        Assert.True(cell.IsEmpty);
    }

    [Fact]
    public void The_city_shares_count_every_cell_and_a_cell_with_no_load_as_uncovered()
    {
        var loads = new Dictionary<string, CellLoad>
        {
            ["A"] = Load("A", new CellCoverage(30, "u1")),
            ["B"] = Load("B", new CellCoverage(170, "u2")),
            ["C"] = Load("C", null),
        };
        var city = CityCoverage.Of(["A", "B", "C", "D"], loads);

        Assert.Equal((4, 0.25, 0.5, 0.5), (city.CellCount, city.WithinOneMinute, city.WithinThreeMinutes, city.WithinFiveMinutes));
        Assert.Equal(new CellCoverageView("B", 170, "u2"), city.Cells[1]);
        Assert.Equal(new CellCoverageView("D", null, null), city.Cells[3]);
    }

    [Fact]
    public void A_load_whose_coverage_changed_is_a_changed_load()
    {
        var state = new CellState();
        Assert.Equal(state.Load("A", new CellCoverage(30, "u1")), state.Load("A", new CellCoverage(30, "u1")));
        Assert.NotEqual(state.Load("A", new CellCoverage(30, "u1")), state.Load("A", new CellCoverage(31, "u1")));
        Assert.NotEqual(state.Load("A"), state.Load("A", new CellCoverage(30, "u1")));
    }

    private static CellLoad Load(string id, CellCoverage? coverage) => new CellState().Load(id, coverage);
}
