using GridCommand.Contracts.Incidents;
using GridCommand.Rules;
using GridCommand.Rules.Cells;
using GridCommand.Rules.Incidents;
using GridCommand.Web.Live;

namespace GridCommand.Tests.Rules;

/// <summary>One city time zone for ids and "today", whatever zone the server runs in.</summary>
public sealed class CityClockTests
{
    // 16:30 UTC on 23 Nov is 00:30 on 24 Nov in Shanghai, and still 17:30 on 23 Nov in Berlin.
    private static readonly DateTimeOffset JustAfterShanghaiMidnight = new(2026, 11, 23, 16, 30, 0, TimeSpan.Zero);

    [Fact]
    public void An_incident_id_reads_the_city_date_and_time_across_utc_midnight()
    {
        Assert.StartsWith("I261124-003000-", IncidentIds.New(JustAfterShanghaiMidnight, CityClock.InZone("Asia/Shanghai")));
        Assert.StartsWith("I261123-173000-", IncidentIds.New(JustAfterShanghaiMidnight, CityClock.InZone("Europe/Berlin")));
    }

    [Fact]
    public void Today_begins_at_the_city_midnight_and_carries_its_offset()
    {
        var shanghai = CityClock.InZone("Asia/Shanghai");

        Assert.Equal(new DateOnly(2026, 11, 24), shanghai.Today(JustAfterShanghaiMidnight));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.FromHours(8)), shanghai.StartOfToday(JustAfterShanghaiMidnight));
        Assert.Equal(TimeSpan.FromHours(8), shanghai.Local(JustAfterShanghaiMidnight).Offset);
        Assert.Equal(new DateOnly(2026, 11, 23), CityClock.InZone("Europe/Berlin").Today(JustAfterShanghaiMidnight));
    }

    [Fact]
    public void A_summer_time_city_starts_its_day_at_its_own_midnight()
    {
        var berlin = CityClock.InZone("Europe/Berlin");
        var julyNoon = new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.FromHours(2)), berlin.StartOfToday(julyNoon));
    }

    [Fact]
    public void A_cell_counts_the_new_day_from_the_city_midnight()
    {
        var shanghai = CityClock.InZone("Asia/Shanghai");
        var cell = new CellState();
        cell.IncidentOpened("I1", new OpenIncidentRef("theft", 32.4, 119.4, JustAfterShanghaiMidnight.AddHours(-1)), shanghai);

        Assert.Empty(cell.CountsToday(JustAfterShanghaiMidnight, shanghai));

        cell.IncidentOpened("I2", new OpenIncidentRef("theft", 32.4, 119.4, JustAfterShanghaiMidnight), shanghai);

        Assert.Equal(1, cell.CountsToday(JustAfterShanghaiMidnight, shanghai)["theft"]);
    }

    [Fact]
    public void Todays_kpis_count_the_incidents_since_the_city_midnight()
    {
        IncidentView Incident(string id, DateTimeOffset created) => new(id, "theft", 2, 32.4, 119.4, null, null, IncidentSource.Call110,
            "C10-12", IncidentStatus.Closed, created, 1, null, null, null, null, null, [], [], 1);
        var incidents = new[] { Incident("before", JustAfterShanghaiMidnight.AddHours(-1)), Incident("after", JustAfterShanghaiMidnight) };

        Assert.Equal(1, Kpis.Compute(incidents, [], JustAfterShanghaiMidnight, CityClock.InZone("Asia/Shanghai")).TodayTotal);
        Assert.Equal(2, Kpis.Compute(incidents, [], JustAfterShanghaiMidnight, CityClock.InZone("Europe/Berlin")).TodayTotal);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("UTC+8")]
    public void An_unknown_zone_is_refused_naming_the_setting(string zone)
    {
        var error = Assert.Throws<InvalidOperationException>(() => CityClock.InZone(zone));
        Assert.Contains("City:TimeZone", error.Message);
    }
}
