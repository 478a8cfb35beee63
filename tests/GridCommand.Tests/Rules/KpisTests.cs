using GridCommand.Rules;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Performance;
using GridCommand.Contracts.Incidents;
using GridCommand.Rules.Units;
using GridCommand.Web.Live;

namespace GridCommand.Tests.Rules;

/// <summary>The commander's numbers: nearest-rank percentiles of response times, closure, repeat-call and diversion rates.</summary>
public sealed class KpisTests
{
    // 12:00 in China: "today" began at 16:00 UTC the day before.
    private static readonly DateTimeOffset Now = new(2025, 10, 2, 4, 0, 0, TimeSpan.Zero);

    private static IncidentView Incident(string id, IncidentStatus status, DateTimeOffset created, int priority = 2, string type = "theft",
        int reports = 1, string? divertedTo = null, double? responseSeconds = null)
    {
        DateTimeOffset? dispatched = responseSeconds is null ? null : created.AddSeconds(30);
        DateTimeOffset? onScene = responseSeconds is null ? null : dispatched!.Value.AddSeconds(responseSeconds.Value);
        return new IncidentView(id, type, priority, 32.38, 119.42, null, null, IncidentSource.Call110, "C01-01", status, created, reports,
            divertedTo, null, dispatched, onScene, null, [], [], 1);
    }

    private static UnitSnapshot Unit(string id, UnitKind kind, DutyStatus status, bool stale = false) =>
        new(id, kind, id, status, 32.38, 119.42, Now, null, stale, null, null, null, 1);

    [Fact]
    public void Percentiles_are_nearest_rank()
    {
        double[] tenToHundred = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
        Assert.Equal(50, IncidentMeasures.Percentile(tenToHundred, 0.5));
        Assert.Equal(90, IncidentMeasures.Percentile(tenToHundred, 0.9));
        Assert.Equal(100, IncidentMeasures.Percentile(tenToHundred, 1.0));
        Assert.Equal(10, IncidentMeasures.Percentile(tenToHundred, 0.0));
        Assert.Equal(7, IncidentMeasures.Percentile([7], 0.9));
        Assert.Null(IncidentMeasures.Percentile([], 0.5));
    }

    [Fact]
    public void The_report_counts_today_in_china_and_open_incidents_of_any_day()
    {
        var startOfToday = new DateTimeOffset(2025, 10, 1, 16, 0, 0, TimeSpan.Zero);
        var incidents = new[]
        {
            Incident("yesterday-open", IncidentStatus.Dispatched, startOfToday.AddSeconds(-1), priority: 1, responseSeconds: 5),
            Incident("resolved", IncidentStatus.Resolved, startOfToday, reports: 3, responseSeconds: 40),
            Incident("closed", IncidentStatus.Closed, Now.AddHours(-2), responseSeconds: 20, type: "fight", priority: 1),
            Incident("open", IncidentStatus.OnScene, Now.AddHours(-1), responseSeconds: 60, priority: 1),
            Incident("new", IncidentStatus.New, Now.AddMinutes(-1), priority: 3),
            Incident("diverted", IncidentStatus.Diverted, Now.AddMinutes(-5), type: "noise", priority: 3, divertedTo: "城管"),
            Incident("overridden", IncidentStatus.Dispatched, Now.AddMinutes(-3), type: "noise", priority: 3, divertedTo: "城管"),
        };
        var units = new[]
        {
            Unit("car1", UnitKind.PatrolCar, DutyStatus.Available),
            Unit("car2", UnitKind.PatrolCar, DutyStatus.EnRoute),
            Unit("car3", UnitKind.PatrolCar, DutyStatus.OffDuty),
            Unit("guard1", UnitKind.Guard, DutyStatus.Available, stale: true),
        };

        var report = Kpis.Compute(incidents, units, Now, CityClock.InZone("Asia/Shanghai"));

        Assert.Equal(Now, report.At);
        Assert.Equal(new Dictionary<int, int> { [1] = 2, [2] = 0, [3] = 2 }.Where(kv => kv.Value > 0), report.OpenByPriority.OrderBy(kv => kv.Key));
        Assert.Equal(6, report.TodayTotal);
        Assert.Equal(new Dictionary<string, int> { ["theft"] = 3, ["fight"] = 1, ["noise"] = 2 }, report.TodayByType);
        // Today's responses (dispatch → on scene): 20, 40, 60 s; yesterday's 5 s does not count.
        Assert.Equal(40, report.ResponseP50Seconds);
        Assert.Equal(60, report.ResponseP90Seconds);
        // Police matters today: resolved, closed, open, new → 2 of 4 finished.
        Assert.Equal(0.5, report.ClosureRate);
        // 8 reports for 6 incidents: 2 repeat calls.
        Assert.Equal(Math.Round(2.0 / 8, 4), report.RepeatCallRate);
        Assert.Equal(Math.Round(2.0 / 6, 4), report.DiversionRate);
        Assert.Equal(
            [new UnitsOnDuty("guard", 1, 0), new UnitsOnDuty("patrol-car", 2, 1)],
            report.Units);
    }

    [Fact]
    public void An_empty_city_has_no_rates()
    {
        var report = Kpis.Compute([], [], Now, CityClock.InZone("Asia/Shanghai"));
        Assert.Equal(0, report.TodayTotal);
        Assert.Null(report.ResponseP50Seconds);
        Assert.Null(report.ResponseP90Seconds);
        Assert.Null(report.ClosureRate);
        Assert.Null(report.RepeatCallRate);
        Assert.Null(report.DiversionRate);
        Assert.Empty(report.OpenByPriority);
        Assert.Empty(report.Units);
    }
}
