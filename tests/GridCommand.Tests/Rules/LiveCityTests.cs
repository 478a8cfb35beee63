using GridCommand.Rules;
using GridCommand.Contracts.Feed;
using GridCommand.Rules.Incidents;
using GridCommand.Contracts.Incidents;
using GridCommand.Web.Live;

namespace GridCommand.Tests.Rules;

public sealed class LiveCityTests
{
    // 2030-05-03 10:00 in China.
    private static readonly DateTimeOffset Now = new(2030, 5, 3, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_newer_update_wins_and_a_late_older_one_is_dropped()
    {
        var city = new LiveCity(CityClock.InZone("Asia/Shanghai"));
        city.Apply(Changes(Incident("I1", IncidentStatus.Dispatched, Now, seq: 3)));
        city.Apply(Changes(Incident("I1", IncidentStatus.New, Now, seq: 2)));
        Assert.Equal(IncidentStatus.Dispatched, Assert.Single(city.Incidents).Status);
    }

    [Fact]
    public void Closed_incidents_from_before_yesterday_are_forgotten_but_open_ones_are_kept_whatever_their_age()
    {
        var city = new LiveCity(CityClock.InZone("Asia/Shanghai"));
        var dayBeforeYesterday = Now.AddDays(-2);
        city.Apply(Changes(
            Incident("old-closed", IncidentStatus.Closed, dayBeforeYesterday),
            Incident("old-open", IncidentStatus.Dispatched, dayBeforeYesterday),
            Incident("yesterday-closed", IncidentStatus.Closed, Now.AddDays(-1)),
            Incident("today", IncidentStatus.Resolved, Now)));

        city.ForgetOldIncidents(Now);

        Assert.Equal(["old-open", "today", "yesterday-closed"], city.Incidents.Select(i => i.Id).Order());
    }

    private static CityChanges Changes(params IncidentView[] incidents) => new([], incidents, [], [], []);

    private static IncidentView Incident(string id, IncidentStatus status, DateTimeOffset created, long seq = 1) =>
        new(id, "theft", 2, 32.4, 119.4, null, null, IncidentSource.Call110, "C10-12", status, created, 1,
            null, null, null, null, null, [], [], seq);
}
