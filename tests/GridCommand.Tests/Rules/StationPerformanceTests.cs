using GridCommand.Rules;
using GridCommand.Rules.Incidents;
using GridCommand.Rules.Performance;
using GridCommand.Rules.Units;

namespace GridCommand.Tests.Rules;

/// <summary>A station's figures from hand-made event-log records: each figure, days and weeks, empty periods, the city's day, the ranking.</summary>
public sealed class StationPerformanceTests
{
    private static readonly CityClock China = CityClock.InZone("Asia/Shanghai");

    // Monday 30 November 2026 in China began at 16:00 UTC on the 29th.
    private static readonly DateOnly Monday = new(2026, 11, 30);
    private static readonly DateTimeOffset MondayNoon = new(2026, 11, 30, 4, 0, 0, TimeSpan.Zero);

    private static IncidentRecord Reported(DateTimeOffset at, string station = "S01", string? divertedTo = null) =>
        new(station, "C01-01", divertedTo is null ? "theft" : "noise", at, null, null, null, 1,
            divertedTo is null ? IncidentStatus.New : IncidentStatus.Diverted, divertedTo, null);

    private static IncidentRecord Ended(IncidentRecord r, IncidentStatus status, double? responseSeconds = null, UnitKind? first = null, int reports = 1) =>
        r with
        {
            Status = status, ReportCount = reports, ClosedAt = status == IncidentStatus.Closed ? r.CreatedAt.AddHours(1) : null,
            FirstDispatchAt = responseSeconds is null ? null : r.CreatedAt.AddSeconds(20),
            FirstOnSceneAt = responseSeconds is { } s ? r.CreatedAt.AddSeconds(20 + s) : null,
            FirstOnSceneKind = first,
        };

    private static PerformanceBook Book(DateOnly from, DateOnly to, string? only = "S01") => new(new PerformancePeriod(from, to), China, only);

    private static void Add(PerformanceBook book, IncidentRecord reported, IncidentRecord? ended = null)
    {
        book.Received(reported);
        if (ended is not null) book.Ended(ended);
    }

    [Fact]
    public void Each_figure_of_a_day_counts_the_incidents_reported_that_day()
    {
        var book = Book(Monday, Monday);
        var resolved = Reported(MondayNoon);
        Add(book, resolved, Ended(resolved, IncidentStatus.Resolved, 60, UnitKind.Guard, reports: 3));
        var closed = Reported(MondayNoon.AddHours(1));
        Add(book, closed, Ended(closed, IncidentStatus.Closed, 120, UnitKind.PatrolCar));
        var diverted = Reported(MondayNoon.AddHours(2), divertedTo: "城管");
        Add(book, diverted, Ended(diverted, IncidentStatus.Diverted));
        Add(book, Reported(MondayNoon.AddHours(3)));                 // still open
        var closedUnreached = Reported(MondayNoon.AddHours(4));
        Add(book, closedUnreached, Ended(closedUnreached, IncidentStatus.Closed)); // closed by a dispatcher, nobody went
        book.Checkins("S01", Monday, 7);

        var day = Assert.Single(book.Station("S01", "测试站").Days);

        Assert.Equal(new PerformanceFigures(Monday, Monday, Received: 5, Handled: 4,
            ClosureRate: 0.75,            // 3 of the 4 police incidents concluded, the open one not
            ResponseP50Seconds: 60, ResponseP90Seconds: 120,
            RepeatCallRate: 0.3333,       // 2 repeat calls of 6 calls about the handled incidents
            DiversionRate: 0.2,
            NeighboursFirstRate: 0.5,     // a guard first at one of the two reached
            Checkins: 7), day);
    }

    [Fact]
    public void An_empty_period_has_a_row_per_day_and_nulls_where_nothing_was_measured()
    {
        var report = Book(Monday, Monday.AddDays(2)).Station("S01", null);

        Assert.Equal([Monday, Monday.AddDays(1), Monday.AddDays(2)], report.Days.Select(d => d.From));
        Assert.All(report.Days.Append(report.Total), f =>
        {
            Assert.Equal((0, 0, 0), (f.Received, f.Handled, f.Checkins));
            Assert.Null(f.ClosureRate);
            Assert.Null(f.ResponseP50Seconds);
            Assert.Null(f.ResponseP90Seconds);
            Assert.Null(f.RepeatCallRate);
            Assert.Null(f.DiversionRate);
            Assert.Null(f.NeighboursFirstRate);
        });
    }

    [Fact]
    public void Weeks_run_monday_to_sunday_cut_to_the_period_and_the_total_adds_every_day_up()
    {
        var (from, to) = (Monday.AddDays(-2), Monday.AddDays(8)); // Saturday to the Tuesday after next
        var book = Book(from, to);
        foreach (var days in new[] { -2, -1, 0, 6, 7, 8 })
        {
            var r = Reported(MondayNoon.AddDays(days));
            Add(book, r, Ended(r, IncidentStatus.Resolved, 30 * (days + 3), UnitKind.PatrolCar));
        }

        var report = book.Station("S01", null);

        Assert.Equal([(from, Monday.AddDays(-1)), (Monday, Monday.AddDays(6)), (Monday.AddDays(7), to)], report.Weeks.Select(w => (w.From, w.To)));
        Assert.Equal([2, 2, 2], report.Weeks.Select(w => w.Received));
        Assert.Equal(11, report.Days.Count);
        Assert.Equal((6, 6, 1.0), (report.Total.Received, report.Total.Handled, report.Total.ClosureRate!.Value));
        // Responses 30, 60 | 90, 270 | 300, 330 s: nearest rank over the period, and within each week.
        Assert.Equal((90, 330), (report.Total.ResponseP50Seconds, report.Total.ResponseP90Seconds));
        Assert.Equal([(30, 60), (90, 270), (300, 330)], report.Weeks.Select(w => (w.ResponseP50Seconds!.Value, w.ResponseP90Seconds!.Value)));
    }

    [Fact]
    public void An_incident_counts_on_the_city_day_it_was_reported_not_the_utc_day_nor_the_day_it_ended()
    {
        var book = Book(Monday, Monday.AddDays(1));
        var lastSecondOfMonday = new DateTimeOffset(2026, 11, 30, 15, 59, 59, TimeSpan.Zero);
        var late = Reported(lastSecondOfMonday);
        Add(book, late, Ended(late, IncidentStatus.Resolved, 600, UnitKind.Volunteer) with { ClosedAt = lastSecondOfMonday.AddHours(5) });
        Add(book, Reported(lastSecondOfMonday.AddSeconds(1)));
        Add(book, Reported(new DateTimeOffset(2026, 11, 29, 15, 59, 59, TimeSpan.Zero))); // Sunday in China, before the period

        var days = book.Station("S01", null).Days;

        Assert.Equal([1, 1], days.Select(d => d.Received));
        Assert.Equal([1, 0], days.Select(d => d.Handled));
        Assert.Equal([1.0, 0.0], days.Select(d => d.ClosureRate!.Value));
        Assert.Equal(1.0, days[0].NeighboursFirstRate);
    }

    [Fact]
    public void A_station_page_keeps_only_its_own_incidents_and_check_ins()
    {
        var book = Book(Monday, Monday);
        Add(book, Reported(MondayNoon, station: "S02"));
        book.Received(Reported(MondayNoon) with { StationId = null });
        book.Checkins("S02", Monday, 3);
        book.Checkins(null, Monday, 4);

        var total = book.Station("S01", null).Total;
        Assert.Equal((0, 0), (total.Received, total.Checkins));
        Assert.Equal(0, book.Station("S02", null).Total.Received); // not kept: the book was for S01
    }

    [Fact]
    public void The_ranking_puts_the_best_closure_first_then_the_fastest_response_and_the_unmeasured_last()
    {
        var book = Book(Monday, Monday, only: null);
        void Station(string id, IncidentStatus status, double response)
        {
            var r = Reported(MondayNoon, station: id);
            Add(book, r, Ended(r, status, response, UnitKind.PatrolCar));
        }
        Station("S01", IncidentStatus.Resolved, 300);
        Station("S02", IncidentStatus.Resolved, 100);
        var open = Reported(MondayNoon, station: "S03");
        Add(book, open);                                 // closure 0
        Station("S04", IncidentStatus.Resolved, 200);

        var ranking = book.Ranking(new Dictionary<string, string> { ["S01"] = "一站", ["S02"] = "二站", ["S03"] = "三站", ["S04"] = "四站", ["S05"] = "五站" });

        Assert.Equal(["S02", "S04", "S01", "S03", "S05"], ranking.Stations.Select(s => s.StationId));
        Assert.Equal([1, 2, 3, 4, 5], ranking.Stations.Select(s => s.Rank));
        Assert.Equal("二站", ranking.Stations[0].StationName);
        Assert.Null(ranking.Stations[^1].Figures.ClosureRate);
    }

    [Theory]
    [InlineData(null, null, "2026-11-25", "2026-12-01")]
    [InlineData("2026-11-01", null, "2026-11-01", "2026-12-01")]
    [InlineData(null, "2026-11-10", "2026-11-04", "2026-11-10")]
    [InlineData("2025-11-27", "2026-12-31", "2025-11-27", "2026-12-31")]
    public void A_period_defaults_to_the_last_seven_city_days(string? from, string? to, string expectedFrom, string expectedTo)
    {
        Assert.Null(PerformancePeriod.TryParse(from, to, new DateOnly(2026, 12, 1), out var period));
        Assert.Equal((DateOnly.Parse(expectedFrom), DateOnly.Parse(expectedTo)), (period.From, period.To));
    }

    [Theory]
    [InlineData("2026-13-01", null, "from must be a date")]
    [InlineData(null, "yesterday", "to must be a date")]
    [InlineData("2026-12-02", "2026-12-01", "to must not be before from")]
    [InlineData("2025-01-01", "2026-12-01", "at most 400 days")]
    public void A_bad_period_is_refused_with_what_is_wrong(string? from, string? to, string error)
    {
        Assert.Contains(error, PerformancePeriod.TryParse(from, to, new DateOnly(2026, 12, 1), out _));
    }
}
