using System.Net;
using System.Text.Json;

namespace GridCommand.Tests.Api;

/// <summary>A lockdown offer nobody answers lapses (after two seconds here): its phone hears it withdrawn and the point goes to the next unit.</summary>
public sealed class LockdownTimeoutTests(QuickTimeoutApp shared) : IClassFixture<QuickTimeoutApp>
{
    [Fact]
    public async Task An_unanswered_point_goes_to_the_next_unit_and_the_first_one_is_free_again()
    {
        var at = Areas.Centre(15);
        var silent = await shared.App.EnrolOnDuty(shared.Commander, "lkt-silent", "guard", at.Offset(100, 0));
        var next = await shared.App.EnrolOnDuty(shared.Commander, "lkt-next", "guard", at.Offset(400, 0));
        await using var silentPhone = await FieldPhone.Connect(shared.App, silent);
        await using var nextPhone = await FieldPhone.Connect(shared.App, next);
        var planId = (await shared.Dispatcher.Send(HttpMethod.Post, "/api/lockdown-plans",
            new { name = "超时测试", points = new[] { new { name = "堵控点", kind = "blocking-point", ring = "core", lat = at.Lat, lon = at.Lon } } },
            HttpStatusCode.Created)).Id();
        var id = (await shared.Dispatcher.Send(HttpMethod.Post, $"/api/lockdown-plans/{planId}/activate", new { drill = true }, HttpStatusCode.Created)).Id();

        var offered = await silentPhone.NextTask(TimeSpan.FromSeconds(15));
        Assert.Equal(offered.Str("taskId"), (await silentPhone.NextWithdrawal(TimeSpan.FromSeconds(15))).Str("taskId"));
        Assert.Equal(offered.Str("taskId"), (await nextPhone.NextTask(TimeSpan.FromSeconds(15))).Str("taskId"));
        var view = await shared.Dispatcher.Get($"/api/lockdown-activations/{id}");
        Assert.Equal(next.UnitId, view.GetProperty("points")[0].Str("unitId"));
        Assert.Equal("available", (await shared.Dispatcher.Get($"/api/units/{silent.UnitId}")).GetProperty("unit").Str("status"));
        // The lapsed unit's late answer is refused: the point is another's now.
        await silent.Client.Send(HttpMethod.Post, $"/api/tasks/{offered.Str("taskId")}/accept", new { }, HttpStatusCode.Forbidden);
        await shared.Dispatcher.Send(HttpMethod.Post, $"/api/lockdown-activations/{id}/stand-down", null, HttpStatusCode.OK);
    }
}
