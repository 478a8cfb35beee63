namespace GridCommand.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserFixture city)
{
    [Theory]
    [InlineData("/%5Cevil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/wall")]
    public async Task After_signing_in_a_next_that_leads_off_the_site_is_ignored(string next)
    {
        await using var context = await city.Context();
        var page = await context.NewPageAsync();
        await page.GotoAsync(city.Url($"/login?next={next}"));

        await page.FillAsync("#user", "dispatcher");
        await page.FillAsync("#password", "dispatcher");
        await page.ClickAsync("button[type=submit]");

        await BrowserFixture.UntilAt(page, url => url.AbsolutePath == "/dispatch");
        Assert.Equal(new Uri(city.Url("/")).Authority, new Uri(page.Url).Authority);
    }

    [Fact]
    public async Task After_signing_in_the_dispatcher_returns_to_the_page_that_sent_them()
    {
        await using var context = await city.Context();
        var page = await context.NewPageAsync();
        await page.GotoAsync(city.Url("/login?next=%2Fwall%3Fx%3D1"));

        await page.FillAsync("#user", "dispatcher");
        await page.FillAsync("#password", "dispatcher");
        await page.ClickAsync("button[type=submit]");

        await BrowserFixture.UntilAt(page, url => url.PathAndQuery == "/wall?x=1");
    }
}
