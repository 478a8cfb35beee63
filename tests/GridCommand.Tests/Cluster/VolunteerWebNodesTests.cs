using System.Net;
using System.Text.Json;
using GridCommand.Tests.Api;

namespace GridCommand.Tests.Cluster;

/// <summary>Volunteer orders across web nodes: published on node A, pushed to the phones on node B, taken there for all to see.</summary>
public sealed class VolunteerWebNodesTests(TwoWebNodesFixture nodes) : IClassFixture<TwoWebNodesFixture>
{
    [Fact]
    public async Task An_order_published_on_node_A_reaches_the_phones_on_node_B_and_the_claim_there_shows_it_taken()
    {
        var scene = Areas.Centre(11);
        var first = await nodes.A.EnrolOnDuty(nodes.CommanderOnA, "cross-vol1", "volunteer", scene.Offset(200, 0), "平安志愿者5队");
        var second = await nodes.A.EnrolOnDuty(nodes.CommanderOnA, "cross-vol2", "volunteer", scene.Offset(300, 180), "平安志愿者5队");
        // Node A works out who is in range from its live picture: both must be in it, on duty with their fixes.
        await Eventually.Until(() => nodes.DispatcherOnA.Get("/api/units?kind=volunteer&status=available"),
            list => new[] { first, second }.All(v => list.EnumerateArray().Any(u => u.Str("unitId") == v.UnitId
                && u.GetProperty("lat").ValueKind == JsonValueKind.Number)), "the volunteers in node A's picture");
        await using var firstOnB = await VolunteerPhone.Connect(nodes.B, first);
        await using var secondOnB = await VolunteerPhone.Connect(nodes.B, second);
        var incident = (await nodes.DispatcherOnA.CreateIncident("missing-person", scene)).Id();

        var order = await nodes.DispatcherOnA.Send(HttpMethod.Post, $"/api/incidents/{incident}/volunteer-orders",
            new { radiusMeters = 800, note = "寻找走失老人" }, HttpStatusCode.Created);
        Assert.Equal(order.Id(), (await firstOnB.NextOrder()).Id());
        Assert.Equal("寻找走失老人", (await secondOnB.NextOrder()).Str("note"));

        var (deviceOnB, _) = await nodes.B.DeviceClient(first.UnitId, first.DeviceKey);
        await deviceOnB.Send(HttpMethod.Post, $"/api/volunteer-orders/{order.Id()}/claim", null, HttpStatusCode.OK);
        var taken = await secondOnB.NextTaken();
        Assert.Equal(("claimed", first.UnitId), (taken.Str("status"), taken.Str("claimedBy")));
        Assert.Equal(first.UnitId, Assert.Single((await nodes.DispatcherOnA.Get($"/api/incidents/{incident}")).GetProperty("tasks").EnumerateArray()).Str("unitId"));
    }
}
