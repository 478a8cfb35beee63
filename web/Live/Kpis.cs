using GridCommand.Contracts.Incidents;
using GridCommand.Rules;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Performance;
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
        var police = today.Where(i => IncidentMeasures.IsPoliceMatter(i.Status, i.DivertedTo)).ToList();
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
            IncidentMeasures.Percentile(responses, 0.5),
            IncidentMeasures.Percentile(responses, 0.9),
            Ratio(police.Count(i => IncidentMeasures.IsConcluded(i.Status)), police.Count),
            Ratio(reports - today.Count, reports),
            Ratio(today.Count(i => i.DivertedTo is not null), today.Count),
            units.Where(u => u.Status != DutyStatus.OffDuty).GroupBy(u => u.Kind)
                .Select(g => new UnitsOnDuty(GrainJson.WireName(g.Key), g.Count(), g.Count(u => u.Status == DutyStatus.Available && !u.Stale)))
                .OrderBy(u => u.Kind, StringComparer.Ordinal).ToList());
    }

    private static double? Ratio(int part, int whole) => IncidentMeasures.Ratio(part, whole);
}
