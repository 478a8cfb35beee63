using GridCommand.Rules.Cells;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Incidents;

namespace GridCommand.Tests.Rules;

/// <summary>Same type, within 200 m and 10 minutes of an open incident: a repeat call of the nearest one.</summary>
public sealed class RepeatCallsTests
{
    private static readonly DateTimeOffset Now = new(2025, 10, 2, 4, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Here = new(32.38, 119.42);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private static KeyValuePair<string, OpenIncidentRef> Open(string id, string type, double meters, TimeSpan ago, double heading = 0)
    {
        var at = Here.Offset(meters, heading);
        return new(id, new OpenIncidentRef(type, at.Lat, at.Lon, Now - ago));
    }

    private static string? Match(string type, params KeyValuePair<string, OpenIncidentRef>[] open) =>
        RepeatCalls.Match(type, Here, Now, open, 200, Window);

    [Fact]
    public void Same_type_nearby_and_recent_matches() =>
        Assert.Equal("A", Match("theft", Open("A", "theft", 150, TimeSpan.FromMinutes(5))));

    [Fact]
    public void Another_type_does_not_match() =>
        Assert.Null(Match("fight", Open("A", "theft", 50, TimeSpan.FromMinutes(1))));

    [Fact]
    public void Farther_than_200_m_does_not_match() =>
        Assert.Null(Match("theft", Open("A", "theft", 230, TimeSpan.FromMinutes(1))));

    [Fact]
    public void Older_than_the_window_does_not_match()
    {
        Assert.Null(Match("theft", Open("A", "theft", 20, TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1))));
        Assert.Equal("A", Match("theft", Open("A", "theft", 20, TimeSpan.FromMinutes(10))));
    }

    [Fact]
    public void The_nearest_of_several_matches_wins() =>
        Assert.Equal("near", Match("theft",
            Open("far", "theft", 180, TimeSpan.FromMinutes(1)),
            Open("near", "theft", 60, TimeSpan.FromMinutes(8), 90),
            Open("other-type", "fight", 10, TimeSpan.FromMinutes(1))));

    [Fact]
    public void No_open_incidents_no_match() => Assert.Null(Match("theft"));
}
