using GridCommand.Rules;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Units;
using Xunit;
using static GridCommand.Tests.Rules.TestCity;

namespace GridCommand.Tests.Rules;

public sealed class UnitStateTests
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);
    private static readonly DateTimeOffset T0 = new(2030, 5, 1, 9, 0, 0, TimeSpan.FromHours(8));

    // ---- positions and cells ----

    [Fact]
    public void First_fix_puts_the_unit_in_the_cell_containing_it_and_makes_it_fresh()
    {
        var unit = NewUnit();
        Assert.True(unit.Stale); // no fix yet
        var p = At(10.5, 12.5);

        var outcome = unit.ApplyFix(new PositionFix(p, T0, SpeedKmh: 30, HeadingDeg: 90), Grid, T0, StaleAfter);

        Assert.Equal(new FixOutcome(Changed: true, LeftCell: null, EnteredCell: "C10-12", StaleChanged: true), outcome);
        var seen = unit.Snapshot();
        Assert.Equal(("C10-12", p.Lat, p.Lon, T0, 90.0, false), (seen.CellId, seen.Lat!.Value, seen.Lon!.Value, seen.FixAt!.Value, seen.HeadingDeg!.Value, seen.Stale));
    }

    [Theory]
    [InlineData(0.01, 0.01, "C00-00")]
    [InlineData(0.99, 0.99, "C00-00")]
    [InlineData(1.01, 0.5, "C01-00")]
    [InlineData(20.5, 35.5, "C20-35")]
    [InlineData(35.5, 0.5, "C35-00")]
    public void Fix_lands_in_the_cell_counted_from_the_south_west(double row, double col, string expected)
    {
        var unit = NewUnit();
        unit.ApplyFix(new PositionFix(At(row, col), T0), Grid, T0, StaleAfter);
        Assert.Equal(expected, unit.CellId);
    }

    [Fact]
    public void Crossing_a_border_reports_the_cell_left_and_the_cell_entered()
    {
        var unit = NewUnit();
        unit.ApplyFix(new PositionFix(At(10.5, 12.98), T0), Grid, T0, StaleAfter);

        var outcome = unit.ApplyFix(new PositionFix(At(10.5, 13.02), T0.AddSeconds(5)), Grid, T0.AddSeconds(5), StaleAfter);

        Assert.Equal(new FixOutcome(true, "C10-12", "C10-13", false), outcome);
        Assert.True(outcome.CellChanged);
        Assert.Equal("C10-13", unit.CellId);
    }

    [Fact]
    public void Moving_inside_a_cell_is_a_change_for_the_wall_but_not_a_cell_change()
    {
        var unit = NewUnit();
        unit.ApplyFix(new PositionFix(At(10.2, 12.2), T0), Grid, T0, StaleAfter);
        var seq = unit.Seq;

        var outcome = unit.ApplyFix(new PositionFix(At(10.8, 12.8), T0.AddSeconds(5)), Grid, T0.AddSeconds(5), StaleAfter);

        Assert.True(outcome.Changed);
        Assert.False(outcome.CellChanged);
        Assert.Equal("C10-12", unit.CellId);
        Assert.True(unit.Seq > seq, "a browser must see the move as newer");
    }

    [Fact]
    public void Leaving_the_city_puts_the_unit_in_no_cell()
    {
        var unit = NewUnit();
        unit.ApplyFix(new PositionFix(At(0.5, 0.5), T0), Grid, T0, StaleAfter);

        var outcome = unit.ApplyFix(new PositionFix(new GeoPoint(South - 0.01, West + 0.001), T0.AddSeconds(5)), Grid, T0.AddSeconds(5), StaleAfter);

        Assert.Equal(("C00-00", (string?)null), (outcome.LeftCell, outcome.EnteredCell));
        Assert.Null(unit.CellId);
    }

    [Theory]
    [InlineData(-1)] // older: arrived out of order
    [InlineData(0)]  // same instant: a duplicate
    public void An_older_or_same_time_fix_is_ignored(int secondsAfterLast)
    {
        var unit = NewUnit();
        unit.ApplyFix(new PositionFix(Centre("C10-12"), T0), Grid, T0, StaleAfter);
        var before = unit.Snapshot();

        var outcome = unit.ApplyFix(new PositionFix(Centre("C20-20"), T0.AddSeconds(secondsAfterLast)), Grid, T0.AddSeconds(10), StaleAfter);

        Assert.Equal(FixOutcome.Ignored, outcome);
        Assert.Equal(before, unit.Snapshot());
    }

    // ---- staleness ----

    [Fact]
    public void No_fix_for_longer_than_StaleAfter_marks_the_unit_stale_and_a_new_fix_makes_it_fresh()
    {
        var unit = NewUnit();
        unit.ApplyFix(new PositionFix(Centre("C10-12"), T0), Grid, T0, StaleAfter);

        Assert.False(unit.CheckStale(T0 + StaleAfter, StaleAfter)); // exactly StaleAfter old: still fresh
        Assert.False(unit.Stale);

        var seq = unit.Seq;
        Assert.True(unit.CheckStale(T0 + StaleAfter + TimeSpan.FromSeconds(1), StaleAfter));
        Assert.True(unit.Stale);
        Assert.True(unit.Seq > seq);
        Assert.False(unit.CheckStale(T0 + StaleAfter + TimeSpan.FromSeconds(20), StaleAfter)); // told once, not every check

        var now = T0 + TimeSpan.FromMinutes(3);
        var outcome = unit.ApplyFix(new PositionFix(Centre("C10-12"), now), Grid, now, StaleAfter);

        Assert.Equal(new FixOutcome(Changed: true, "C10-12", "C10-12", StaleChanged: true), outcome);
        Assert.False(unit.Stale);
    }

    [Fact]
    public void A_fix_that_is_already_too_old_leaves_the_unit_stale()
    {
        var unit = NewUnit();
        var now = T0 + TimeSpan.FromMinutes(10);

        var outcome = unit.ApplyFix(new PositionFix(Centre("C10-12"), T0), Grid, now, StaleAfter);

        Assert.False(outcome.StaleChanged);
        Assert.True(unit.Stale);
        Assert.Equal("C10-12", unit.CellId); // still shown where it was last seen
    }

    // ---- duty and tasks ----

    [Fact]
    public void A_new_unit_is_off_duty_and_going_on_duty_makes_it_available()
    {
        var unit = NewUnit();
        Assert.Equal(DutyStatus.OffDuty, unit.Status);

        Assert.True(unit.SetDuty(true).IsOk);
        Assert.Equal(DutyStatus.Available, unit.Status);

        var seq = unit.Seq;
        Assert.True(unit.SetDuty(true).IsOk); // repeated: no change
        Assert.Equal((DutyStatus.Available, seq), (unit.Status, unit.Seq));
    }

    [Fact]
    public void A_task_runs_assigned_en_route_on_scene_and_back_to_available()
    {
        var unit = FreshAvailableUnit();

        Assert.True(unit.Assign("T1", T0, StaleAfter).IsOk);
        Assert.Equal((DutyStatus.Assigned, "T1"), (unit.Status, unit.TaskId));

        Assert.True(unit.Accept("T1").IsOk);
        Assert.Equal(DutyStatus.EnRoute, unit.Status);

        Assert.True(unit.Arrive("T1").IsOk);
        Assert.Equal(DutyStatus.OnScene, unit.Status);

        Assert.True(unit.Release("T1").IsOk);
        Assert.Equal((DutyStatus.Available, (string?)null), (unit.Status, unit.TaskId));

        Assert.True(unit.Assign("T2", T0, StaleAfter).IsOk); // free for the next task
    }

    [Fact]
    public void Arriving_straight_from_assigned_goes_on_scene()
    {
        var unit = FreshAvailableUnit();
        unit.Assign("T1", T0, StaleAfter);

        Assert.True(unit.Arrive("T1").IsOk);
        Assert.Equal(DutyStatus.OnScene, unit.Status);
        Assert.Equal(Conflict, unit.Accept("T1").Code); // no way back to en-route
    }

    [Fact]
    public void An_off_duty_unit_is_not_assigned()
    {
        var unit = NewUnit();
        unit.ApplyFix(new PositionFix(Centre("C10-12"), T0), Grid, T0, StaleAfter);

        Assert.Equal(Conflict, unit.Assign("T1", T0, StaleAfter).Code);
        Assert.Equal((DutyStatus.OffDuty, (string?)null), (unit.Status, unit.TaskId));
    }

    [Fact]
    public void A_unit_without_a_fresh_fix_is_not_assigned()
    {
        var neverSeen = NewUnit();
        neverSeen.SetDuty(true);
        var outcome = neverSeen.Assign("T1", T0, StaleAfter);
        Assert.Equal(Conflict, outcome.Code);
        Assert.Contains("fresh", outcome.Message);

        var lastSeenLongAgo = FreshAvailableUnit();
        Assert.Equal(Conflict, lastSeenLongAgo.Assign("T1", T0 + StaleAfter + TimeSpan.FromSeconds(1), StaleAfter).Code);
        Assert.Equal((DutyStatus.Available, (string?)null), (lastSeenLongAgo.Status, lastSeenLongAgo.TaskId));
    }

    [Fact]
    public void An_assigned_unit_refuses_a_second_task_but_accepts_the_same_one_again()
    {
        var unit = FreshAvailableUnit();
        unit.Assign("T1", T0, StaleAfter);

        Assert.Equal(Conflict, unit.Assign("T2", T0, StaleAfter).Code);
        Assert.Equal((DutyStatus.Assigned, "T1"), (unit.Status, unit.TaskId));

        var seq = unit.Seq;
        Assert.True(unit.Assign("T1", T0, StaleAfter).IsOk); // a retried dispatch
        Assert.Equal(seq, unit.Seq);
    }

    [Fact]
    public void A_unit_with_a_task_cannot_go_off_duty_until_released()
    {
        var unit = FreshAvailableUnit();
        unit.Assign("T1", T0, StaleAfter);

        Assert.Equal(Conflict, unit.SetDuty(false).Code);
        Assert.Equal((DutyStatus.Assigned, "T1"), (unit.Status, unit.TaskId));

        unit.Release("T1");
        Assert.True(unit.SetDuty(false).IsOk);
        Assert.Equal(DutyStatus.OffDuty, unit.Status);
    }

    [Theory]
    [InlineData("accept")]
    [InlineData("arrive")]
    [InlineData("release")]
    public void Another_tasks_id_is_refused(string step)
    {
        var unit = FreshAvailableUnit();
        unit.Assign("T1", T0, StaleAfter);
        var before = unit.Snapshot();

        var outcome = step switch
        {
            "accept" => unit.Accept("T2"),
            "arrive" => unit.Arrive("T2"),
            _ => unit.Release("T2"),
        };

        Assert.Equal(Conflict, outcome.Code);
        Assert.Equal(before, unit.Snapshot());
    }

    private static readonly RejectionCode? Conflict = RejectionCode.Conflict;

    private static UnitState NewUnit() => new() { UnitId = "P001", Kind = UnitKind.PatrolCar, Name = "明月湖车巡01组" };

    private static UnitState FreshAvailableUnit()
    {
        var unit = NewUnit();
        unit.ApplyFix(new PositionFix(Centre("C10-12"), T0), Grid, T0, StaleAfter);
        unit.SetDuty(true);
        return unit;
    }
}
