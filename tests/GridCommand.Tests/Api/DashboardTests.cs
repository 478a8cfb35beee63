using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GridCommand.Tests.Api;

/// <summary>The Orleans dashboard shows grain state and logs: commanders only, with their token or after signing in.</summary>
public sealed class DashboardTests(SharedApp fx) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task A_commander_reaches_the_dashboard_with_the_bearer_token()
    {
        var response = await fx.Commander.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_commander_who_signed_in_in_the_browser_reaches_it_by_the_sign_in_cookie()
    {
        var browser = Browser();
        var login = await browser.PostAsync("/api/auth/login", ApiKit.Body(new { username = "commander", password = "commander" }));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dashboard/")).StatusCode);
        // The cookie is for the dashboard only: the API still wants the bearer token.
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/units")).StatusCode);
    }

    [Fact]
    public async Task Anyone_else_gets_the_sign_in_page_or_a_refusal()
    {
        var anonymous = Browser();
        var page = await anonymous.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login?next=", page.Headers.Location?.OriginalString);

        Assert.Equal(HttpStatusCode.Forbidden, (await fx.Dispatcher.GetAsync("/dashboard/")).StatusCode);
        var dispatcherBrowser = Browser();
        await dispatcherBrowser.PostAsync("/api/auth/login", ApiKit.Body(new { username = "dispatcher", password = "dispatcher" }));
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcherBrowser.GetAsync("/dashboard/")).StatusCode);

        var forged = Browser();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "eyJmb3JnZWQiOnRydWV9.bm90LXNpZ25lZA");
        Assert.Equal(HttpStatusCode.Redirect, (await forged.GetAsync("/dashboard/")).StatusCode);
    }

    /// <summary>A client that keeps cookies like a browser and does not follow redirects.</summary>
    private HttpClient Browser() => fx.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
