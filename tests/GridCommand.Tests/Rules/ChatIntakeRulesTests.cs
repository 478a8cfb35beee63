using GridCommand.Rules.Intake;

namespace GridCommand.Tests.Rules;

/// <summary>Pre-judgment of chat messages by the keyword dictionary, and how a station's queue collapses repeated reports.</summary>
public sealed class ChatIntakeRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly IntakeSettings Settings = new();
    private static readonly ChatClassifier Classifier = new(Settings);

    [Fact]
    public void A_fight_and_a_snatched_phone_are_urgent_with_the_words_that_said_so()
    {
        var j = Classifier.Classify("小区门口有人打架，还抢了手机！");
        Assert.Equal((MessageClass.Urgent, "fight"), (j.Class, j.Type));
        Assert.Equal(["打架", "抢"], j.Matched);
    }

    [Fact]
    public void English_words_match_whole_words_in_any_case()
    {
        var fire = Classifier.Classify("FIRE in building 3, smoke everywhere");
        Assert.Equal((MessageClass.Urgent, "fire", "FIRE"), (fire.Class, fire.Type, fire.Matched[0]));
        Assert.Equal(MessageClass.Noise, Classifier.Classify("Fireworks at the square tonight").Class);
    }

    [Fact]
    public void Parking_is_a_service_request_and_a_notice_is_noise()
    {
        var parking = Classifier.Classify("楼下有车乱停，堵门了");
        Assert.Equal((MessageClass.Service, "parking"), (parking.Class, parking.Type));
        Assert.Equal(Judgment.Noise, Classifier.Classify("明天上午九点停水，请大家提前储水"));
    }

    [Fact]
    public void An_urgent_word_outranks_a_service_word_wherever_it_stands()
    {
        var j = Classifier.Classify("因为乱停车吵起来了，现在打架了");
        Assert.Equal((MessageClass.Urgent, "fight"), (j.Class, j.Type));
        Assert.Contains("乱停", j.Matched);
    }

    [Fact]
    public void A_pattern_catches_a_phone_scam_no_single_word_names()
    {
        var j = Classifier.Classify("有人打电话让我转账到安全账户");
        Assert.Equal((MessageClass.Urgent, "fraud"), (j.Class, j.Type));
        Assert.Contains("转账到安全账户", j.Matched);
    }

    [Fact]
    public void Configured_words_add_to_the_defaults_and_a_noise_entry_removes_one()
    {
        var classifier = new ChatClassifier(new IntakeSettings
        {
            Keywords = [IntakeTerm.Of("传销", MessageClass.Urgent, "fraud"), IntakeTerm.Of("help", MessageClass.Noise, "other")],
        });
        Assert.Equal(MessageClass.Urgent, classifier.Classify("隔壁是个传销窝点").Class);
        Assert.Equal(MessageClass.Noise, classifier.Classify("Can anyone help me move a sofa?").Class);
        Assert.Equal(MessageClass.Urgent, classifier.Classify("有人打架").Class);
    }

    [Fact]
    public void A_bad_configured_pattern_is_refused_at_start_with_its_text()
    {
        var e = Assert.Throws<ArgumentException>(() => new ChatClassifier(new IntakeSettings { Patterns = [IntakeTerm.Of("(unclosed", MessageClass.Urgent, "other")] }));
        Assert.Contains("(unclosed", e.Message);
    }

    private static ChatReport Report(string group, string cell, string text, TimeSpan after) =>
        new(group, cell, "张三", text, Now + after, Classifier.Classify(text));

    [Fact]
    public void Reports_of_one_fight_from_three_groups_are_one_candidate_with_its_groups_and_count()
    {
        var queue = new IntakeQueue();
        var first = queue.Add("S1", Report("g1", "C01-01", "幸福路有人打架", TimeSpan.Zero), Settings);
        var second = queue.Add("S1", Report("g2", "C01-01", "幸福路口打起来了，打架的有五六个人", TimeSpan.FromMinutes(2)), Settings);
        var third = queue.Add("S1", Report("g3", "C01-02", "幸福路有人打架，快来", TimeSpan.FromMinutes(4)), Settings);

        Assert.Equal((true, false, false), (first.Created, second.Created, third.Created));
        var candidate = Assert.Single(queue.Candidates);
        Assert.Equal((3, "S1.M1"), (candidate.Reports, candidate.Id));
        Assert.Equal(["g1", "g2", "g3"], candidate.Groups);
    }

    [Fact]
    public void Another_type_another_cell_with_other_words_or_a_later_report_makes_a_new_candidate()
    {
        var queue = new IntakeQueue();
        queue.Add("S1", Report("g1", "C01-01", "幸福路有人打架", TimeSpan.Zero), Settings);
        Assert.True(queue.Add("S1", Report("g2", "C01-01", "菜市场有小偷", TimeSpan.FromMinutes(1)), Settings).Created);
        Assert.True(queue.Add("S1", Report("g3", "C05-05", "公园门口两个人打架", TimeSpan.FromMinutes(2)), Settings).Created);
        Assert.True(queue.Add("S1", Report("g4", "C01-01", "幸福路有人打架", TimeSpan.FromMinutes(30)), Settings).Created);
        Assert.Equal(4, queue.Candidates.Count);
    }

    [Fact]
    public void A_decided_candidate_takes_no_more_reports_and_is_decided_once()
    {
        var queue = new IntakeQueue();
        var (candidate, _) = queue.Add("S1", Report("g1", "C01-01", "幸福路有人打架", TimeSpan.Zero), Settings);
        candidate.Decide(CandidateStatus.Dismissed, null, "station", Now);

        Assert.True(queue.Add("S1", Report("g2", "C01-01", "幸福路有人打架", TimeSpan.FromMinutes(1)), Settings).Created);
        Assert.False(IntakeQueue.MayDecide(candidate).IsOk);
        Assert.Equal(CandidateStatus.Pending, queue.Listed().First().Status);
    }

    [Fact]
    public void A_queue_nobody_works_through_keeps_its_latest_waiting_candidates()
    {
        var queue = new IntakeQueue();
        var settings = new IntakeSettings { KeepPending = 3 };
        for (var i = 0; i < 5; i++) queue.Add("S1", Report($"g{i}", $"C0{i}-00", i % 2 == 0 ? "有人打架" : "有小偷", TimeSpan.FromMinutes(i * 20)), settings);
        Assert.Equal(["S1.M3", "S1.M4", "S1.M5"], queue.Candidates.Select(c => c.Id).Order());
    }

    [Fact]
    public void A_candidate_id_names_its_station()
    {
        Assert.Equal("S-01.a", IntakeIds.StationOf(IntakeIds.Candidate("S-01.a", 12)));
        Assert.Null(IntakeIds.StationOf("S01"));
        Assert.Null(IntakeIds.StationOf("S01.Mx"));
    }

    [Fact]
    public void Todays_numbers_start_again_on_a_new_day()
    {
        var day = new IntakeDay();
        var today = DateOnly.FromDateTime(Now.Date);
        day.Count(today, 5, 2, 1);
        day.Count(today, 1, 0, 0);
        Assert.Equal((6, 2, 1), (day.MessagesIn, day.Candidates, day.Escalated));
        day.RollTo(today.AddDays(1));
        Assert.Equal((0, 0, 0), (day.MessagesIn, day.Candidates, day.Escalated));
    }
}
