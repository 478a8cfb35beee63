using GridCommand.Rules;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Units;
using TaskStatus = GridCommand.Rules.Incidents.TaskStatus;

namespace GridCommand.Tests.Rules;

/// <summary>The incident's dispatch and answer rules, without actors.</summary>
public sealed class IncidentStateTests
{
    private const string Id = "I251002-120000-AB12";
    private static readonly DateTimeOffset T0 = new(2025, 10, 2, 4, 0, 0, TimeSpan.Zero);
    private static readonly DispatchTarget Car = new("car", "Car 1", UnitKind.PatrolCar, 113);
    private static readonly DispatchTarget Guard = new("guard", "Guard 1", UnitKind.Guard, 404);

    private static IncidentState Opened(string? divertTo = null)
    {
        var s = new IncidentState();
        s.Open(divertTo is null ? "theft" : "noise", 2, 32.38, 119.42, "addr", "desc", IncidentSource.Call110, "C01-01", divertTo, T0, "dispatcher");
        return s;
    }

    private static (IncidentState State, DispatchTask Task) Dispatched()
    {
        var s = Opened();
        return (s, s.AddTask(Id, Car, T0.AddSeconds(10), "dispatcher"));
    }

    private static void AssertRefused(RejectionCode code, Outcome outcome)
    {
        Assert.False(outcome.IsOk);
        Assert.Equal(code, outcome.Code);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Message));
    }

    [Fact]
    public void Opening_records_the_incident_and_the_timeline()
    {
        var s = Opened();
        Assert.True(s.Opened);
        Assert.Equal(IncidentStatus.New, s.Status);
        Assert.Equal(["opened"], s.Timeline.Select(t => t.What));
        Assert.Equal(1, s.ReportCount);
    }

    [Fact]
    public void A_second_dispatch_is_refused_unless_it_is_backup()
    {
        var (s, task) = Dispatched();
        Assert.Equal(Id + ".T1", task.TaskId);
        Assert.Equal(IncidentStatus.Dispatched, s.Status);
        Assert.Equal(T0.AddSeconds(10), s.FirstDispatchAt);

        AssertRefused(RejectionCode.Conflict, s.CanDispatch(backup: false, overrideDiversion: false));
        Assert.True(s.CanDispatch(backup: true, overrideDiversion: false).IsOk);
        Assert.Equal(Id + ".T2", s.AddTask(Id, Guard, T0.AddSeconds(20), "dispatcher").TaskId);
    }

    [Fact]
    public void A_diverted_incident_is_dispatched_only_on_override()
    {
        var s = Opened(divertTo: "城管");
        Assert.Equal(IncidentStatus.Diverted, s.Status);
        Assert.Equal("城管", s.DivertedTo);
        AssertRefused(RejectionCode.Conflict, s.CanDispatch(backup: false, overrideDiversion: false));
        AssertRefused(RejectionCode.Conflict, s.CanDispatch(backup: true, overrideDiversion: false));
        Assert.True(s.CanDispatch(backup: false, overrideDiversion: true).IsOk);

        s.AddTask(Id, Car, T0, "dispatcher");

        Assert.Equal(IncidentStatus.Dispatched, s.Status);
        Assert.Contains(s.Timeline, t => t.What == "diversion-overridden");
    }

    [Theory]
    [InlineData(IncidentStatus.Resolved)]
    [InlineData(IncidentStatus.Closed)]
    [InlineData(IncidentStatus.Merged)]
    public void A_finished_incident_takes_no_dispatch(IncidentStatus status)
    {
        var s = Opened();
        s.Status = status;
        AssertRefused(RejectionCode.Conflict, s.CanDispatch(backup: true, overrideDiversion: true));
    }

    [Fact]
    public void Answers_move_the_task_and_the_incident_in_order()
    {
        var (s, task) = Dispatched();

        Assert.True(s.Answer(task.TaskId, "car", TaskAnswer.Accept, null, T0.AddSeconds(20)).IsOk);
        Assert.Equal((TaskStatus.Accepted, IncidentStatus.Dispatched), (task.Status, s.Status));
        Assert.Equal(T0.AddSeconds(20), task.AcceptedAt);

        Assert.True(s.Answer(task.TaskId, "car", TaskAnswer.Arrive, null, T0.AddSeconds(100)).IsOk);
        Assert.Equal((TaskStatus.OnScene, IncidentStatus.OnScene), (task.Status, s.Status));
        Assert.Equal(T0.AddSeconds(100), s.FirstOnSceneAt);

        Assert.True(s.Answer(task.TaskId, "car", TaskAnswer.Complete, "suspect gone", T0.AddSeconds(900)).IsOk);
        Assert.Equal((TaskStatus.Done, IncidentStatus.Resolved), (task.Status, s.Status));
        Assert.Equal("suspect gone", task.Remark);

        Assert.Equal(["opened", "dispatched", "task-accepted", "task-onscene", "task-done"], s.Timeline.Select(t => t.What));
    }

    [Fact]
    public void Answers_out_of_order_are_conflicts()
    {
        var (s, task) = Dispatched();
        AssertRefused(RejectionCode.Conflict, s.Answer(task.TaskId, "car", TaskAnswer.Complete, null, T0));

        Assert.True(s.Answer(task.TaskId, "car", TaskAnswer.Arrive, null, T0).IsOk); // arriving without accepting first is fine
        AssertRefused(RejectionCode.Conflict, s.Answer(task.TaskId, "car", TaskAnswer.Accept, null, T0));
        AssertRefused(RejectionCode.Conflict, s.Answer(task.TaskId, "car", TaskAnswer.Decline, "busy", T0));

        Assert.True(s.Answer(task.TaskId, "car", TaskAnswer.Complete, null, T0).IsOk);
        AssertRefused(RejectionCode.Conflict, s.Answer(task.TaskId, "car", TaskAnswer.Arrive, null, T0));
    }

    [Fact]
    public void A_resent_answer_changes_nothing()
    {
        var (s, task) = Dispatched();
        s.Answer(task.TaskId, "car", TaskAnswer.Accept, null, T0.AddSeconds(20));
        var (seq, steps) = (s.Seq, s.Timeline.Count);

        Assert.True(s.Answer(task.TaskId, "car", TaskAnswer.Accept, null, T0.AddSeconds(30)).IsOk);

        Assert.Equal((seq, steps), (s.Seq, s.Timeline.Count));
        Assert.Equal(T0.AddSeconds(20), task.AcceptedAt);
    }

    [Fact]
    public void Another_units_answer_is_forbidden_and_an_unknown_task_not_found()
    {
        var (s, task) = Dispatched();
        var seq = s.Seq;
        AssertRefused(RejectionCode.Forbidden, s.Answer(task.TaskId, "guard", TaskAnswer.Accept, null, T0));
        AssertRefused(RejectionCode.NotFound, s.Answer(Id + ".T9", "car", TaskAnswer.Accept, null, T0));
        Assert.Equal(TaskStatus.Assigned, task.Status);
        Assert.Equal(seq, s.Seq);
    }

    [Fact]
    public void A_timeout_lapses_only_an_unanswered_offer()
    {
        var (s, task) = Dispatched();
        Assert.True(s.TimeOut(task.TaskId, T0.AddSeconds(40)));
        Assert.Equal(TaskStatus.TimedOut, task.Status);
        Assert.Equal(IncidentStatus.New, s.Status);
        Assert.Contains("car", s.UnitsNotToOffer());
        Assert.False(s.TimeOut(task.TaskId, T0.AddSeconds(50)));

        var (accepted, acceptedTask) = Dispatched();
        accepted.Answer(acceptedTask.TaskId, "car", TaskAnswer.Accept, null, T0);
        Assert.False(accepted.TimeOut(acceptedTask.TaskId, T0.AddSeconds(40)));
        Assert.Equal(TaskStatus.Accepted, acceptedTask.Status);
        Assert.False(accepted.TimeOut(Id + ".T9", T0));
    }

    [Fact]
    public void A_declining_unit_is_not_offered_the_incident_again()
    {
        var (s, task) = Dispatched();
        Assert.True(s.Answer(task.TaskId, "car", TaskAnswer.Decline, "flat tyre", T0).IsOk);
        Assert.Equal(TaskStatus.Declined, task.Status);
        Assert.Equal("flat tyre", task.Remark);
        Assert.Equal(IncidentStatus.New, s.Status);
        Assert.Contains("car", s.UnitsNotToOffer());
        Assert.True(s.CanDispatch(backup: false, overrideDiversion: false).IsOk);
    }

    [Fact]
    public void Units_with_an_active_task_are_not_offered_it_again_but_cancelled_ones_may_be()
    {
        var (s, task) = Dispatched();
        Assert.Contains("car", s.UnitsNotToOffer());
        s.Cancel(task.TaskId, "wrong unit", T0, "dispatcher");
        Assert.DoesNotContain("car", s.UnitsNotToOffer());
    }

    [Fact]
    public void The_incident_is_resolved_only_when_every_unit_sent_has_finished()
    {
        var (s, first) = Dispatched();
        var backup = s.AddTask(Id, Guard, T0, "dispatcher");
        s.Answer(first.TaskId, "car", TaskAnswer.Arrive, null, T0);
        s.Answer(backup.TaskId, "guard", TaskAnswer.Accept, null, T0);
        s.Answer(first.TaskId, "car", TaskAnswer.Complete, null, T0);
        Assert.Equal(IncidentStatus.Dispatched, s.Status);

        s.Answer(backup.TaskId, "guard", TaskAnswer.Arrive, null, T0);
        Assert.Equal(IncidentStatus.OnScene, s.Status);
        s.Answer(backup.TaskId, "guard", TaskAnswer.Complete, null, T0);
        Assert.Equal(IncidentStatus.Resolved, s.Status);
    }

    [Fact]
    public void A_declined_task_beside_a_completed_one_still_resolves()
    {
        var (s, first) = Dispatched();
        s.Answer(first.TaskId, "car", TaskAnswer.Decline, null, T0);
        var second = s.AddTask(Id, Guard, T0, "system");
        s.Answer(second.TaskId, "guard", TaskAnswer.Complete, null, T0); // from assigned: refused
        Assert.Equal(IncidentStatus.Dispatched, s.Status);
        s.Answer(second.TaskId, "guard", TaskAnswer.Arrive, null, T0);
        s.Answer(second.TaskId, "guard", TaskAnswer.Complete, null, T0);
        Assert.Equal(IncidentStatus.Resolved, s.Status);
    }

    [Fact]
    public void Cancel_withdraws_an_active_task_once()
    {
        var (s, task) = Dispatched();
        Assert.True(s.Cancel(task.TaskId, "wrong address", T0, "dispatcher").IsOk);
        Assert.Equal(TaskStatus.Cancelled, task.Status);
        Assert.Equal(IncidentStatus.New, s.Status);
        AssertRefused(RejectionCode.Conflict, s.Cancel(task.TaskId, "again", T0, "dispatcher"));
        AssertRefused(RejectionCode.NotFound, s.Cancel(Id + ".T7", "x", T0, "dispatcher"));
    }

    [Fact]
    public void Closing_withdraws_the_active_tasks_and_closes_once()
    {
        var (s, first) = Dispatched();
        var backup = s.AddTask(Id, Guard, T0, "dispatcher");
        s.Answer(backup.TaskId, "guard", TaskAnswer.Decline, null, T0);

        Assert.True(s.Close("false alarm", T0.AddMinutes(5), "dispatcher", out var withdrawn).IsOk);

        Assert.Equal([first.TaskId], withdrawn.Select(t => t.TaskId));
        Assert.Equal(TaskStatus.Cancelled, first.Status);
        Assert.Equal(TaskStatus.Declined, backup.Status);
        Assert.Equal(IncidentStatus.Closed, s.Status);
        Assert.Equal("false alarm", s.Resolution);
        Assert.Equal(T0.AddMinutes(5), s.ClosedAt);
        Assert.False(s.IsOpen);

        AssertRefused(RejectionCode.Conflict, s.Close("again", T0, "dispatcher", out var none));
        Assert.Empty(none);
        // A late answer to the withdrawn task cannot reopen it.
        AssertRefused(RejectionCode.Conflict, s.Answer(first.TaskId, "car", TaskAnswer.Arrive, null, T0));
        Assert.Equal(IncidentStatus.Closed, s.Status);
    }

    [Fact]
    public void A_repeat_call_is_counted_on_the_timeline()
    {
        var s = Opened();
        s.RepeatCall(IncidentSource.Chat, "again", T0, "station");
        Assert.Equal(2, s.ReportCount);
        Assert.Equal("repeat-call", s.Timeline[^1].What);
        Assert.Empty(s.Tasks);
    }
}
