using GridCommand.Rules;
using GridCommand.Rules.Cells;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Units;
using Xunit;

namespace GridCommand.Tests.Rules;

public sealed class CellStateTests
{
    private static readonly CityClock Shanghai = CityClock.InZone("Asia/Shanghai");

    // 16:00 UTC is midnight in China (UTC+8).
    private static readonly DateTimeOffset May1Evening = new(2030, 5, 1, 15, 59, 0, TimeSpan.Zero);   // 23:59 on 1 May in China
    private static readonly DateTimeOffset May2JustAfterMidnight = new(2030, 5, 1, 16, 1, 0, TimeSpan.Zero); // 00:01 on 2 May in China

    [Fact]
    public void A_unit_entering_is_listed_once_and_its_status_updates_in_place()
    {
        var cell = new CellState();

        cell.UnitPresent(Unit("P001", DutyStatus.Available, seq: 1));
        cell.UnitPresent(Unit("P002", DutyStatus.OffDuty, seq: 1));
        cell.UnitPresent(Unit("P001", DutyStatus.EnRoute, seq: 2));

        Assert.Equal(["P001", "P002"], cell.Units.Keys.Order());
        Assert.Equal(DutyStatus.EnRoute, cell.Units["P001"].Status);
    }

    [Fact]
    public void An_older_snapshot_arriving_late_does_not_overwrite_a_newer_one()
    {
        var cell = new CellState();

        cell.UnitPresent(Unit("P001", DutyStatus.Available, seq: 3));
        cell.UnitPresent(Unit("P001", DutyStatus.OffDuty, seq: 2));

        Assert.Equal(DutyStatus.Available, cell.Units["P001"].Status);
    }

    [Fact]
    public void A_unit_leaving_is_removed_and_a_late_leave_is_ignored()
    {
        var cell = new CellState();
        cell.UnitPresent(Unit("P001", DutyStatus.Available, seq: 1));
        cell.UnitPresent(Unit("P002", DutyStatus.Available, seq: 1));

        Assert.True(cell.UnitLeft("P001", seq: 2));
        Assert.False(cell.UnitLeft("P001", seq: 2));
        Assert.False(cell.UnitLeft("P999", seq: 2));

        Assert.Equal(["P002"], cell.Units.Keys);
    }

    [Fact]
    public void A_leave_older_than_the_units_return_keeps_it_listed()
    {
        var cell = new CellState();

        // The unit left at seq 6 and came back at seq 9; the two messages arrive the other way round.
        cell.UnitPresent(Unit("P001", DutyStatus.Available, seq: 9));
        Assert.False(cell.UnitLeft("P001", seq: 6));

        Assert.Equal(9, cell.Units["P001"].Seq);
    }

    [Fact]
    public void An_incident_is_counted_once_per_id_and_listed_until_closed()
    {
        var cell = new CellState();
        var at = May1Evening.AddHours(-5);

        cell.IncidentOpened("I1", new OpenIncidentRef("theft", 32.4, 119.4, at), Shanghai);
        cell.IncidentOpened("I1", new OpenIncidentRef("theft", 32.4, 119.4, at.AddMinutes(1)), Shanghai); // a redelivered "opened"
        cell.IncidentOpened("I2", new OpenIncidentRef("theft", 32.4, 119.4, at.AddMinutes(2)), Shanghai);
        cell.IncidentOpened("I3", new OpenIncidentRef("fight", 32.4, 119.4, at.AddMinutes(3)), Shanghai);

        Assert.Equal(new Dictionary<string, int> { ["theft"] = 2, ["fight"] = 1 }, cell.CountsToday(at.AddMinutes(4), Shanghai));
        Assert.Equal(["I1", "I2", "I3"], cell.OpenIncidents.Keys.Order());

        cell.IncidentClosed("I1", IncidentStatus.Resolved, at.AddMinutes(5));

        Assert.Equal(["I2", "I3"], cell.OpenIncidents.Keys.Order());
        Assert.Equal(2, cell.CountsToday(at.AddMinutes(5), Shanghai)["theft"]); // closing does not uncount
    }

    [Fact]
    public void The_cell_view_lists_open_incidents_newest_first_then_those_closed_within_a_day_with_their_last_status()
    {
        var cell = new CellState();
        var at = May1Evening.AddHours(-5);
        cell.IncidentOpened("I1", new OpenIncidentRef("theft", 32.4, 119.4, at), Shanghai);
        cell.IncidentOpened("I2", new OpenIncidentRef("fight", 32.41, 119.41, at.AddMinutes(1)), Shanghai);
        cell.IncidentOpened("I3", new OpenIncidentRef("noise", 32.42, 119.42, at.AddMinutes(2)), Shanghai);

        cell.IncidentClosed("I1", IncidentStatus.Resolved, at.AddMinutes(10));
        cell.IncidentClosed("I1", IncidentStatus.Closed, at.AddMinutes(20)); // told again at its next change
        cell.IncidentClosed("I9", IncidentStatus.Closed, at.AddMinutes(20)); // never open here: nothing to remember

        var now = at.AddMinutes(30);
        Assert.Equal([("I3", (DateTimeOffset?)null, (IncidentStatus?)null), ("I2", null, null), ("I1", at.AddMinutes(10), IncidentStatus.Closed)],
            cell.Incidents(now).Select(i => (i.IncidentId, i.ClosedAt, i.Status)));
        Assert.Equal(("theft", at), (cell.Incidents(now)[2].Type, cell.Incidents(now)[2].OpenedAt));

        // A day after it closed, it is no longer recent.
        Assert.Equal(["I3", "I2"], cell.Incidents(at.AddMinutes(10) + CellState.RecentFor + TimeSpan.FromMinutes(1)).Select(i => i.IncidentId));
    }

    [Fact]
    public void A_busy_cell_remembers_only_its_latest_closed_incidents()
    {
        var cell = new CellState();
        for (var i = 0; i < CellState.RecentLimit + 5; i++)
        {
            cell.IncidentOpened($"I{i}", new OpenIncidentRef("theft", 32.4, 119.4, May1Evening.AddMinutes(i)), Shanghai);
            cell.IncidentClosed($"I{i}", IncidentStatus.Closed, May1Evening.AddMinutes(i + 1));
        }

        var recent = cell.Incidents(May1Evening.AddHours(1));
        Assert.Equal(CellState.RecentLimit, recent.Count);
        Assert.Equal($"I{CellState.RecentLimit + 4}", recent[0].IncidentId);
    }

    [Fact]
    public void Counters_read_zero_after_midnight_in_China_and_restart_from_one()
    {
        var cell = new CellState();
        cell.IncidentOpened("I1", new OpenIncidentRef("theft", 32.4, 119.4, May1Evening), Shanghai);
        cell.IncidentOpened("I2", new OpenIncidentRef("theft", 32.4, 119.4, May1Evening.AddSeconds(30)), Shanghai);
        Assert.Equal(2, cell.CountsToday(May1Evening.AddSeconds(59), Shanghai)["theft"]);

        Assert.Empty(cell.CountsToday(May2JustAfterMidnight, Shanghai)); // yesterday's counts, not today's

        cell.IncidentOpened("I3", new OpenIncidentRef("theft", 32.4, 119.4, May2JustAfterMidnight), Shanghai);

        Assert.Equal(new Dictionary<string, int> { ["theft"] = 1 }, cell.CountsToday(May2JustAfterMidnight.AddMinutes(1), Shanghai));
        Assert.Equal(3, cell.OpenIncidents.Count); // yesterday's open incidents are still open
    }

    [Fact]
    public void Counters_do_not_reset_at_midnight_UTC_which_is_8_am_in_China()
    {
        var cell = new CellState();
        var before = new DateTimeOffset(2030, 5, 1, 23, 30, 0, TimeSpan.Zero); // 07:30 on 2 May in China
        var after = new DateTimeOffset(2030, 5, 2, 0, 30, 0, TimeSpan.Zero);   // 08:30 on 2 May in China

        cell.IncidentOpened("I1", new OpenIncidentRef("noise", 32.4, 119.4, before), Shanghai);
        cell.IncidentOpened("I2", new OpenIncidentRef("noise", 32.4, 119.4, after), Shanghai);

        Assert.Equal(2, cell.CountsToday(after, Shanghai)["noise"]);
    }

    [Fact]
    public void The_load_counts_every_unit_on_duty_fresh_ones_by_kind_busy_ones_and_open_incidents()
    {
        var cell = new CellState();
        cell.UnitPresent(Unit("P001", DutyStatus.Available, seq: 1));
        cell.UnitPresent(Unit("P002", DutyStatus.EnRoute, seq: 1));
        cell.UnitPresent(Unit("G001", DutyStatus.OnScene, seq: 1) with { Kind = UnitKind.Guard });
        cell.UnitPresent(Unit("G002", DutyStatus.Available, seq: 1) with { Kind = UnitKind.Guard, Stale = true });
        cell.UnitPresent(Unit("G003", DutyStatus.OffDuty, seq: 1) with { Kind = UnitKind.Guard });
        cell.IncidentOpened("I1", new OpenIncidentRef("theft", 32.4, 119.4, May1Evening), Shanghai);

        var load = cell.Load("C10-12");

        Assert.Equal(("C10-12", 5, 2, 1), (load.CellId, load.Units, load.Busy, load.OpenIncidents));
        // The stale guard's whereabouts are not known and the off-duty one is not on duty: neither counts there.
        Assert.Equal(new Dictionary<UnitKind, int> { [UnitKind.PatrolCar] = 2, [UnitKind.Guard] = 1 }, load.OnDuty);
        Assert.Null(load.Coverage);
    }

    [Fact]
    public void A_load_equals_another_with_the_same_figures_so_an_unchanged_cell_sends_nothing()
    {
        var cell = new CellState();
        cell.UnitPresent(Unit("P001", DutyStatus.Available, seq: 1));
        var before = cell.Load("C10-12");

        cell.UnitPresent(Unit("P001", DutyStatus.Available, seq: 2) with { Lat = 32.41 }); // moved inside the cell
        Assert.Equal(before, cell.Load("C10-12"));

        cell.UnitPresent(Unit("P001", DutyStatus.Assigned, seq: 3));
        Assert.NotEqual(before, cell.Load("C10-12"));
    }

    private static UnitSnapshot Unit(string id, DutyStatus status, long seq) =>
        new(id, UnitKind.PatrolCar, id, status, 32.4, 119.4, May1Evening, null, false, "S01", "C10-12", null, seq);
}
