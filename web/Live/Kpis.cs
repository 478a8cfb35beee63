using GridCommand.Contracts.Incidents;
using GridCommand.Rules;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Units;

namespace GridCommand.Web.Live;

public sealed record UnitsOnDuty(string Kind, int OnDuty, int Available);

/// <summary>The commander's numbers for today (the city's day).</summary>
public sealed record KpiReport(
    DateTimeOffset At,
    IReadOnlyDictionary<int, int> OpenByPriority,
    IReadOnlyDictionary<string, int> TodayByType,
    int TodayTotal,
    double? ResponseP50Seconds,
    double? ResponseP90Seconds,
    double? ClosureRate,
    double? RepeatCallRate,
    double? DiversionRate,
    IReadOnlyList<UnitsOnDuty> Units);

/// <summary>KPI rules over the incidents and units of the live picture; plain and testable.</summary>
public static class Kpis
{
    public static KpiReport Compute(IEnumerable<IncidentView> incidents, IEnumerable<UnitSnapshot> units, DateTimeOffset now, CityClock city)
    {
        var startOfDay = city.StartOfToday(now);
        var all = incidents.ToList();
        var today = all.Where(i => i.CreatedAt >= startOfDay).ToList();
        var police = today.Where(i => i.Status != IncidentStatus.Diverted && i.DivertedTo is null).ToList();
        var responses = today
            .Where(i => i is { FirstDispatchAt: not null, FirstOnSceneAt: not null })
            .Select(i => (i.FirstOnSceneAt!.Value - i.FirstDispatchAt!.Value).TotalSeconds)
            .Order().ToList();
        var reports = today.Sum(i => i.ReportCount);
        return new KpiReport(
            now,
            all.Where(i => i.Status.IsOpen())
                .GroupBy(i => i.Priority).ToDictionary(g => g.Key, g => g.Count()),
            today.GroupBy(i => i.Type).ToDictionary(g => g.Key, g => g.Count()),
            today.Count,
            Percentile(responses, 0.5),
            Percentile(responses, 0.9),
            Ratio(police.Count(i => i.Status is IncidentStatus.Resolved or IncidentStatus.Closed), police.Count),
            Ratio(reports - today.Count, reports),
            Ratio(today.Count(i => i.DivertedTo is not null), today.Count),
            units.Where(u => u.Status != DutyStatus.OffDuty).GroupBy(u => u.Kind)
                .Select(g => new UnitsOnDuty(GrainJson.WireName(g.Key), g.Count(), g.Count(u => u.Status == DutyStatus.Available && !u.Stale)))
                .OrderBy(u => u.Kind, StringComparer.Ordinal).ToList());
    }

    /// <summary>Nearest-rank percentile of sorted values; null when there are none.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static double? Ratio(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}
