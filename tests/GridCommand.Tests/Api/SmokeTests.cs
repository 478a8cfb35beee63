using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace GridCommand.Tests.Api;

public sealed class SmokeTests
{
    [Fact]
    public async Task A_dispatcher_creates_an_incident_and_reads_it_back()
    {
        using var app = new GridCommandApp();
        var client = await app.StaffClient("dispatcher");
        var created = await client.PostAsJsonAsync("/api/incidents", new { type = "theft", priority = 2, lat = 32.39, lon = 119.42 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var incident = await client.GetFromJsonAsync<JsonElement>($"/api/incidents/{id}");
        Assert.Equal("theft", incident.GetProperty("type").GetString());
        Assert.Equal("new", incident.GetProperty("status").GetString());
    }
}
