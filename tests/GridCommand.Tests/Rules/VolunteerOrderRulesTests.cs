using GridCommand.Rules;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Units;
using GridCommand.Rules.Volunteers;
using Xunit;
using TaskStatus = GridCommand.Rules.Incidents.TaskStatus;

namespace GridCommand.Tests.Rules;

/// <summary>A volunteer order goes to the first volunteer in range who claims it, and its completion credits points once.</summary>
public sealed class VolunteerOrderRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Scene = new(32.39, 119.42);

    private static UnitSnapshot Unit(string id, double metersAway, UnitKind kind = UnitKind.Volunteer)
    {
        var at = Scene.Offset(metersAway, 45);
        return new UnitSnapshot(id, kind, $"Name {id}", DutyStatus.Available, at.Lat, at.Lon, T0, null, false, "S01", "C1", null, 1);
    }

    private static VolunteerOrderState Published(int radius = 1000)
    {
        var order = new VolunteerOrderState();
        order.Publish("I1", "missing-person", "文昌路", Scene, radius, "look for a child in a red coat", ["V1", "V2"], T0, "dispatcher");
        return order;
    }

    [Fact]
    public void The_first_claim_wins_and_every_later_one_is_told_who_has_it()
    {
        var order = Published();
        Assert.True(order.MayClaim(Unit("V1", 300)).IsOk);
        order.Claim(Unit("V1", 300), "龙城众队001队", "I1.T1", T0.AddSeconds(5));

        var late = order.MayClaim(Unit("V2", 200));
        Assert.Equal(RejectionCode.Conflict, late.Code);
        Assert.Contains("V1", late.Message);
        Assert.True(order.IsClaimedBy("V1")); // a resent claim is answered, not refused
        Assert.False(order.IsClaimedBy("V2"));
        var view = order.View("O1");
        Assert.Equal((VolunteerOrderStatus.Claimed, "V1", "龙城众队001队", "I1.T1", 2), (view.Status, view.ClaimedBy, view.Team, view.TaskId, view.Notified));
    }

    [Fact]
    public void Only_volunteers_within_the_radius_where_they_stand_now_may_claim()
    {
        var order = Published(radius: 500);
        Assert.Equal(RejectionCode.Forbidden, order.MayClaim(Unit("G1", 100, UnitKind.Guard)).Code);
        var far = order.MayClaim(Unit("V3", 800));
        Assert.Equal(RejectionCode.Conflict, far.Code);
        Assert.Contains("500 m", far.Message);
        Assert.True(order.MayClaim(Unit("V3", 450)).IsOk); // not told at publishing, but in range now
        Assert.Equal(RejectionCode.Conflict, order.MayClaim(Unit("V4", 0) with { Lat = null, Lon = null }).Code);
    }

    [Fact]
    public void Completion_is_the_claimers_and_counts_once()
    {
        var order = Published();
        Assert.Equal(RejectionCode.Forbidden, order.MayComplete("V1").Code); // nobody has it yet
        order.Claim(Unit("V1", 300), "T", "I1.T1", T0);
        Assert.Equal(RejectionCode.Forbidden, order.MayComplete("V2").Code);
        Assert.True(order.MayComplete("V1").IsOk);
        Assert.True(order.Complete(10, T0.AddMinutes(20)));
        Assert.True(order.MayComplete("V1").IsOk); // a resent completion is answered
        Assert.False(order.Complete(10, T0.AddMinutes(21)));
        Assert.Equal((VolunteerOrderStatus.Completed, 10, T0.AddMinutes(20)), (order.Status, order.Points, order.ClosedAt));
        Assert.False(order.Cancel(T0.AddMinutes(22)));
    }

    [Fact]
    public void A_cancelled_order_cannot_be_claimed()
    {
        var order = Published();
        Assert.True(order.Cancel(T0.AddMinutes(1)));
        Assert.Equal(RejectionCode.Conflict, order.MayClaim(Unit("V1", 10)).Code);
        Assert.False(order.Cancel(T0.AddMinutes(2)));
    }

    [Theory]
    [InlineData(99.9, false)]
    [InlineData(100.0, true)]
    [InlineData(10_000.0, true)]
    [InlineData(10_001.0, false)]
    [InlineData(double.NaN, false)]
    [InlineData(null, false)]
    public void The_radius_runs_from_a_street_to_a_district(double? meters, bool valid) =>
        Assert.Equal(valid, VolunteerRadius.Check(meters) is null);

    [Fact]
    public void Points_go_to_the_volunteer_and_the_team_once_per_order_and_rank_every_team()
    {
        var scores = new VolunteerScores();
        foreach (var (unit, team) in new[] { ("V1", "A队"), ("V2", "B队"), ("V3", "B队"), ("V4", "C队"), ("V5", "D队"), ("V6", "E队") })
            Assert.True(scores.Enrol(unit, team));
        Assert.False(scores.Enrol("V1", "A队")); // enrolled again as before
        Assert.True(scores.Enrol("V6", null));  // no longer a volunteer (or no team): its team has nobody left
        Assert.True(scores.Credit("O1", "V1", "A队", 10));
        Assert.False(scores.Credit("O1", "V1", "A队", 10)); // told twice
        Assert.True(scores.Credit("O2", "V2", "B队", 10));
        Assert.True(scores.Credit("O3", "V3", "B队", 10));
        Assert.True(scores.Credit("O4", "V4", "C队", 10));

        Assert.Equal([new TeamStanding(1, "B队", 20, 2, 2), new TeamStanding(2, "A队", 10, 1, 1), new TeamStanding(3, "C队", 10, 1, 1),
            new TeamStanding(4, "D队", 0, 0, 1)], scores.Standings());
        Assert.Equal(new VolunteerStanding("V1", "A队", 10, 1), scores.Of("V1"));
        Assert.Equal(new VolunteerStanding("V9", null, 0, 0), scores.Of("V9"));
    }

    [Fact]
    public void The_board_lists_the_open_orders_reaching_a_volunteer_and_the_ones_it_has_claimed()
    {
        var board = new OrderBoard();
        var near = Published(radius: 1000).View("O-near");
        var small = Published(radius: 100).View("O-small");
        var claimed = Published();
        claimed.Claim(Unit("V1", 10), null, "I1.T1", T0);
        board.Update(near);
        board.Update(small);
        board.Update(claimed.View("O-mine"));
        board.Update(near with { Seq = 0, Status = VolunteerOrderStatus.Cancelled }); // late and older: ignored

        var here = Scene.Offset(300, 0);
        Assert.Equal(["O-near", "O-mine"], board.ForVolunteer("V1", here).Select(o => o.Id));
        Assert.Equal(["O-near"], board.ForVolunteer("V2", here).Select(o => o.Id));
        Assert.Equal(["O-mine"], board.ForVolunteer("V1", null).Select(o => o.Id));

        // Only the latest ended orders are kept; open and claimed ones stay however many have ended since.
        for (var i = 0; i < OrderBoard.KeepEnded + 5; i++)
            board.Update(near with { Id = $"O-old{i}", Status = VolunteerOrderStatus.Completed, ClosedAt = T0.AddMinutes(i) });
        Assert.Equal(OrderBoard.KeepEnded + 3, board.Orders.Count);
        Assert.DoesNotContain("O-old0", board.Orders.Keys);
        Assert.Equal(["O-near", "O-mine"], board.ForVolunteer("V1", here).Select(o => o.Id));
    }

    [Fact]
    public void The_demo_city_has_122_teams_and_2568_volunteers_with_valid_unique_ids()
    {
        var volunteers = new GridCommand.Silo.Demo.DemoCity(TestCity.Grid, new GridCommand.Silo.Demo.SimulationOptions()).Units
            .Where(u => u.Kind == UnitKind.Volunteer).ToList();
        Assert.Equal(2568, volunteers.Count);
        var teams = volunteers.GroupBy(v => v.Team).ToList();
        Assert.Equal(122, teams.Count);
        Assert.All(teams, t => Assert.InRange(t.Count(), 21, 22));
        Assert.Equal(volunteers.Count, volunteers.Select(v => v.Id).Distinct().Count());
        Assert.All(volunteers, v => Assert.True(GridIds.IsValid(v.Id), v.Id));
        Assert.Equal(("V00101", "龙城众队001队"), (volunteers[0].Id, volunteers[0].Team));
    }

    [Fact]
    public void A_claimed_order_joins_its_incident_as_an_accepted_task_that_counts_for_first_on_scene()
    {
        var incident = new IncidentState();
        incident.Open("missing-person", 2, Scene.Lat, Scene.Lon, null, null, IncidentSource.Call110, "C1", null, T0, "dispatcher");
        var task = incident.Enlist("I1", new DispatchTarget("V1", "Name V1", UnitKind.Volunteer, 240), "O1", T0.AddSeconds(30));

        Assert.Equal((TaskStatus.Accepted, "O1", UnitKind.Volunteer, T0.AddSeconds(30)), (task.Status, task.OrderId, task.UnitKind, task.AcceptedAt));
        Assert.False(incident.TimeOut(task.TaskId, T0.AddMinutes(5))); // accepted already: it never lapses
        Assert.True(incident.Answer(task.TaskId, "V1", TaskAnswer.Arrive, null, T0.AddMinutes(3)).IsOk);
        Assert.Equal(T0.AddMinutes(3), incident.FirstOnSceneAt);
        Assert.Equal(IncidentStatus.OnScene, incident.Status);
    }
}
