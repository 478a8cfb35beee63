using GridCommand.Rules;
using GridCommand.Contracts.Feed;
using GridCommand.Rules.Cells;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Units;
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

    [Fact]
    public void Applying_units_tells_where_each_changed_unit_was_so_a_wall_hears_of_one_leaving_its_box()
    {
        var box = new GeoBounds(32.39, 119.39, 32.41, 119.41);
        var city = new LiveCity(CityClock.InZone("Asia/Shanghai"));
        Assert.Equal([new UnitMove(null, Unit("P001", 32.40, seq: 1))], city.Apply(Units(Unit("P001", 32.40, seq: 1))));

        var moves = city.Apply(Units(Unit("P001", 32.50, seq: 2), Unit("P002", 32.50, seq: 1)));

        var left = moves.Single(m => m.After.UnitId == "P001");
        Assert.Equal(32.40, left.Before!.Lat);
        Assert.True(left.Touches(box));   // was inside, is outside: the wall drops it
        Assert.False(moves.Single(m => m.After.UnitId == "P002").Touches(box));
        Assert.Empty(city.Apply(Units(Unit("P001", 32.40, seq: 1))));   // a late, older fix changes nothing
        Assert.False(city.Apply(Units(Unit("P001", 32.60, seq: 3))).Single().Touches(box)); // outside to outside
    }

    [Fact]
    public void A_cells_newest_load_replaces_the_one_before()
    {
        var city = new LiveCity(CityClock.InZone("Asia/Shanghai"));
        city.Apply(new CityChanges([], [], [], [], [], [Load("C1", units: 3), Load("C2", units: 1)]));
        city.Apply(new CityChanges([], [], [], [], [], [Load("C1", units: 2)]));

        Assert.Equal([("C1", 2), ("C2", 1)], city.Cells.Select(c => (c.CellId, c.Units)).Order());
    }

    private static CityChanges Changes(params IncidentView[] incidents) => new([], incidents, [], [], [], []);

    private static CityChanges Units(params UnitSnapshot[] units) => new(units, [], [], [], [], []);

    private static UnitSnapshot Unit(string id, double lat, long seq) =>
        new(id, UnitKind.Guard, id, DutyStatus.Available, lat, 119.40, Now, null, false, null, null, null, seq);

    private static CellLoad Load(string cellId, int units) => new(cellId, units, new Dictionary<UnitKind, int>(), 0, 0, null);

    private static IncidentView Incident(string id, IncidentStatus status, DateTimeOffset created, long seq = 1) =>
        new(id, "theft", 2, 32.4, 119.4, null, null, IncidentSource.Call110, "C10-12", status, created, 1,
            null, null, null, null, null, [], [], seq);
}
