using System.Net.Http.Json;
using System.Text.Json;
using GridCommand.Rules.Geo;
using Microsoft.Playwright;

namespace GridCommand.Tests.Browser;

/// <summary>
/// Field check-ins (微警通打卡) in the browser: a guard's phone checks in with a camera photo and once more offline;
/// the console's check-in layer draws both, and the cell view lists them with the photo for the dispatcher.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CheckinPageTests(BrowserFixture city)
{
    private const double Lat = 32.3585, Lon = 119.4125;
    /// <summary>A real 1×1 PNG: the phone shrinks it to a JPEG before sending.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_phone_checks_in_with_a_photo_and_offline_and_the_console_shows_both_on_its_layer_and_in_the_cell_view()
    {
        var key = await city.EnrollUnit("TCK1", "guard", Lat, Lon);
        var cellId = city.App.Service<CityGrid>().CellAt(new GeoPoint(Lat, Lon))!.Id;
        await using var phoneContext = await city.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, HasTouch = true, IsMobile = true,
            Permissions = ["geolocation"], Geolocation = new Geolocation { Latitude = (float)Lat, Longitude = (float)Lon },
        });
        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync(city.Url("/field"));
        await phone.FillAsync("#unit-id", "TCK1");
        await phone.FillAsync("#device-key", key);
        await phone.ClickAsync("#signin-form button[type=submit]");
        await BrowserFixture.Until(phone, "document.getElementById('conn').classList.contains('conn-live')");

        // With a photo from the camera.
        await phone.ClickAsync("#ci-open");
        await Assertions.Expect(phone.Locator("#ci-gps")).Not.ToHaveTextAsync("–");
        await phone.SelectOptionAsync("#ci-category", "inspection");
        await phone.FillAsync("#ci-note", "消防通道畅通");
        await phone.SetInputFilesAsync("#ci-photo", new FilePayload { Name = "camera.png", MimeType = "image/png", Buffer = Png });
        await BrowserFixture.Shot(phone, "field-checkin-form");
        await phone.ClickAsync("#ci-send");
        await Assertions.Expect(phone.Locator("#notice")).ToHaveTextAsync("打卡成功");
        await Assertions.Expect(phone.Locator("#checkin")).ToBeHiddenAsync();

        // Offline: kept on the phone, sent when the network is back.
        await phoneContext.SetOfflineAsync(true);
        await phone.ClickAsync("#ci-open");
        await phone.FillAsync("#ci-note", "离线打卡");
        await phone.ClickAsync("#ci-send");
        await Assertions.Expect(phone.Locator("#notice")).ToContainTextAsync("网络中断");
        Assert.Equal(1, await phone.EvaluateAsync<int>("gcCheckins.queued().length"));
        await phoneContext.SetOfflineAsync(false);
        await BrowserFixture.Until(phone, "gcCheckins.queued().length === 0", 20_000);

        using var staff = await city.App.StaffClient("dispatcher");
        var history = (await staff.GetFromJsonAsync<JsonElement>($"/api/cells/{cellId}/checkins"))
            .EnumerateArray().Where(c => c.GetProperty("unitId").GetString() == "TCK1").ToList();
        Assert.Equal(["离线打卡", "消防通道畅通"], history.Select(c => c.GetProperty("note").GetString()));
        Assert.Equal(("patrol-stop", "inspection"), (history[0].GetProperty("category").GetString(), history[1].GetProperty("category").GetString()));
        Assert.Equal("image/jpeg", history[1].GetProperty("photoType").GetString()); // shrunk to a JPEG on the phone
        var photoId = history[1].GetProperty("id").GetString()!;

        // The console: its check-in layer, then the cell view with the photo.
        await using var console = await city.Context("dispatcher", lang: "zh");
        var page = await console.NewPageAsync();
        await page.GotoAsync(city.Url("/dispatch"));
        await BrowserFixture.Until(page, "document.getElementById('conn').classList.contains('conn-live')");
        await Assertions.Expect(page.Locator("#ci-layer")).ToHaveTextAsync("显示打卡");
        await page.ClickAsync("#ci-layer");
        await BrowserFixture.Until(page, "gcDispatch.checkins.count >= 2");
        await Assertions.Expect(page.Locator("#ci-layer")).ToContainTextAsync("隐藏打卡");

        await page.EvaluateAsync($"(() => {{ gcDispatch.map.setView([{Lat}, {Lon}], 16, {{ animate: false }}); " +
                                 $"gcDispatch.cellView.open('{cellId}', L.latLng({Lat}, {Lon})); }})()");
        var list = page.Locator(".cell-view .cv-checkins");
        await Assertions.Expect(list).ToContainTextAsync("检查");
        await Assertions.Expect(list).ToContainTextAsync("离线打卡");
        await page.ClickAsync($".cv-checkins li[data-checkin='{photoId}'] [data-photo]");
        await BrowserFixture.Until(page, "document.querySelector('.cell-view img.ci-photo')?.naturalWidth === 1");
        await BrowserFixture.Shot(page, "dispatch-checkins");

        await page.ClickAsync("#lang-switch");
        await Assertions.Expect(list).ToContainTextAsync("Inspection");
        await Assertions.Expect(page.Locator("#ci-layer")).ToContainTextAsync("Hide check-ins");
    }
}
