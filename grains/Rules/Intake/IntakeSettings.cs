using static GridCommand.Rules.Intake.MessageClass;

namespace GridCommand.Rules.Intake;

/// <summary>
/// Configuration section "Intake": words and patterns added to (or, with the same word, replacing) the defaults,
/// and when repeated reports collapse into one candidate.
/// </summary>
public sealed class IntakeSettings
{
    public List<IntakeTerm> Keywords { get; set; } = [];
    public List<IntakeTerm> Patterns { get; set; } = [];
    /// <summary>Reports of the same type at one station within this time of the candidate's last report join it.</summary>
    public TimeSpan CollapseWindow { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>How alike two texts from different cells must be to be one event (character-pair overlap, 0–1).</summary>
    public double SimilarText { get; set; } = 0.4;
    /// <summary>Decided candidates a station keeps to look back on; pending ones are always kept.</summary>
    public int KeepDecided { get; set; } = 200;
    /// <summary>Waiting candidates a station keeps: a queue nobody works through must not grow without end; the oldest go first.</summary>
    public int KeepPending { get; set; } = 1000;

    public static readonly IReadOnlyList<IntakeTerm> DefaultKeywords =
    [
        IntakeTerm.Of("打架", Urgent, "fight"), IntakeTerm.Of("斗殴", Urgent, "fight"), IntakeTerm.Of("打人", Urgent, "fight"),
        IntakeTerm.Of("抢", Urgent, "robbery"), IntakeTerm.Of("偷", Urgent, "theft"), IntakeTerm.Of("小偷", Urgent, "theft"),
        IntakeTerm.Of("盗", Urgent, "theft"), IntakeTerm.Of("骗", Urgent, "fraud"), IntakeTerm.Of("着火", Urgent, "fire"),
        IntakeTerm.Of("火灾", Urgent, "fire"), IntakeTerm.Of("冒烟", Urgent, "fire"), IntakeTerm.Of("救命", Urgent, "medical"),
        IntakeTerm.Of("晕倒", Urgent, "medical"), IntakeTerm.Of("车祸", Urgent, "traffic-accident"), IntakeTerm.Of("撞车", Urgent, "traffic-accident"),
        IntakeTerm.Of("走失", Urgent, "missing-person"), IntakeTerm.Of("找不到孩子", Urgent, "missing-person"),
        IntakeTerm.Of("可疑", Urgent, "suspicious-person"),
        IntakeTerm.Of("fight", Urgent, "fight"), IntakeTerm.Of("robbery", Urgent, "robbery"), IntakeTerm.Of("robbed", Urgent, "robbery"),
        IntakeTerm.Of("stolen", Urgent, "theft"), IntakeTerm.Of("thief", Urgent, "theft"), IntakeTerm.Of("scam", Urgent, "fraud"),
        IntakeTerm.Of("fire", Urgent, "fire"), IntakeTerm.Of("help", Urgent, "medical"), IntakeTerm.Of("missing", Urgent, "missing-person"),
        IntakeTerm.Of("suspicious", Urgent, "suspicious-person"), IntakeTerm.Of("accident", Urgent, "traffic-accident"),
        IntakeTerm.Of("噪音", Service, "noise"), IntakeTerm.Of("扰民", Service, "noise"), IntakeTerm.Of("乱停", Service, "parking"),
        IntakeTerm.Of("违停", Service, "parking"), IntakeTerm.Of("堵门", Service, "parking"), IntakeTerm.Of("欠薪", Service, "labour-dispute"),
        IntakeTerm.Of("工资", Service, "labour-dispute"), IntakeTerm.Of("纠纷", Service, "dispute"), IntakeTerm.Of("吵架", Service, "dispute"),
        IntakeTerm.Of("noise", Service, "noise"), IntakeTerm.Of("parking", Service, "parking"), IntakeTerm.Of("wages", Service, "labour-dispute"),
        IntakeTerm.Of("dispute", Service, "dispute"),
    ];

    public static readonly IReadOnlyList<IntakeTerm> DefaultPatterns =
    [
        IntakeTerm.Of(@"转账.{0,8}(安全账户|验证码)", Urgent, "fraud"),
        IntakeTerm.Of(@"(老人|孩子|小孩).{0,6}(不见了|找不到)", Urgent, "missing-person"),
        IntakeTerm.Of(@"\bcall (the )?police\b", Urgent, "other"),
    ];
}
