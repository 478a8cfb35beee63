using GridCommand.Web.Apis;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GridCommand.Web.Hosting;

/// <summary>The web side's wiring: services, then middleware and endpoints.</summary>
public static class WebServices
{
    public static WebApplicationBuilder AddGridCommandWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        return builder;
    }

    public static WebApplication MapGridCommandWeb(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapHealthApi();
        app.Lifetime.ApplicationStarted.Register(() => AnnounceUrls(app));
        return app;
    }

    /// <summary>The README promises the wall's URL on the console.</summary>
    private static void AnnounceUrls(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
            app.Logger.LogInformation("GridCommand wall: {Url}/wall", address.Replace("0.0.0.0", "localhost").Replace("[::]", "localhost"));
    }
}
