using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace GridCommand.Tests.Api;

/// <summary>City:TimeZone: the zone the pages are told and incident ids are made in; an unknown one stops the node at start.</summary>
public sealed class CityTimeZoneTests
{
    [Fact]
    public async Task A_city_in_another_zone_tells_the_pages_and_names_its_incidents_by_its_own_clock()
    {
        await using var app = new GridCommandApp(ApiKit.SharedSettings(("City:TimeZone", "America/New_York")));
        var config = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/config");
        Assert.Equal("America/New_York", config.Str("timeZone"));

        var id = (await (await app.StaffClient("dispatcher")).CreateIncident("theft", Areas.Centre(1))).Id();

        var named = DateTime.ParseExact(id[1..14], "yyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var newYork = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).DateTime;
        Assert.InRange((newYork - named).TotalSeconds, 0, 60);
    }

    [Fact]
    public async Task A_node_with_an_unknown_zone_does_not_start_and_names_the_setting()
    {
        await using var app = new GridCommandApp(new Dictionary<string, string?> { ["City:TimeZone"] = "Mars/Olympus_Mons" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("City:TimeZone \"Mars/Olympus_Mons\"", error.ToString());
    }
}
