namespace GridCommand.Rules.Incidents;

/// <param name="Code">the wire code</param>
/// <param name="DivertTo">the department a non-police matter goes to; null for police matters</param>
/// <param name="DemoWeight">how common it is in the simulated city</param>
public sealed record IncidentType(string Code, string Zh, string En, int DefaultPriority, string? DivertTo, int DemoWeight);

/// <summary>The incident types dispatchers and callers use, with their Chinese and English labels.</summary>
public static class IncidentTypes
{
    public static readonly IReadOnlyList<IncidentType> All =
    [
        new("fight", "打架斗殴", "Fight", 1, null, 8),
        new("robbery", "抢劫", "Robbery", 1, null, 2),
        new("theft", "盗窃", "Theft", 2, null, 14),
        new("fraud", "诈骗", "Fraud", 2, null, 8),
        new("traffic-accident", "交通事故", "Traffic accident", 2, null, 16),
        new("fire", "火情", "Fire", 1, null, 2),
        new("medical", "急病", "Medical emergency", 1, null, 5),
        new("missing-person", "走失", "Missing person", 2, null, 4),
        new("suspicious-person", "可疑人员", "Suspicious person", 2, null, 7),
        new("dispute", "纠纷", "Dispute", 3, null, 12),
        new("noise", "噪音", "Noise", 3, "城管 / 网格员", 8),
        new("parking", "违停", "Illegal parking", 3, "交警 / 城管", 8),
        new("labour-dispute", "劳资纠纷", "Labour dispute", 3, "人社局劳动监察", 3),
        new("other", "其他", "Other", 3, null, 3),
    ];

    private static readonly Dictionary<string, IncidentType> ByCode = All.ToDictionary(t => t.Code);

    public static IncidentType? Find(string code) => ByCode.GetValueOrDefault(code);
}
