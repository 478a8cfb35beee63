using GridCommand.Tests.Api;
using GridCommand.Web.Apis;
using GridCommand.Web.Hosting;

namespace GridCommand.Tests.Web;

/// <summary>What a browser is told to protect the screens with, on pages and API alike.</summary>
public sealed class SecurityHeadersTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Theory]
    [InlineData("/wall")]
    [InlineData("/login")]
    [InlineData("/js/common.js")]
    [InlineData("/api/config")]
    [InlineData("/api/units")]
    public async Task Every_answer_forbids_framing_sniffing_referrers_and_scripts_from_elsewhere(string path)
    {
        var response = await shared.App.CreateClient().GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
    }

    [Fact]
    public void A_configured_tile_server_may_serve_images_and_nothing_else()
    {
        var policy = SecurityHeaders.ContentSecurityPolicy(new MapOptions { TileUrl = "https://{s}.tiles.example.cn/{z}/{x}/{y}.png" });

        Assert.Contains("img-src 'self' data: https://*.tiles.example.cn;", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.Equal(1, policy.Split("tiles.example.cn").Length - 1);
    }
}
