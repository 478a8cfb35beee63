using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;

namespace GridCommand.Silo.Hosting;

public static class GridLogging
{
    /// <summary>
    /// Serilog to the console, levels from the "Serilog" section (Serilog.Settings.Configuration). By default
    /// Information, with Orleans and Microsoft at Warning. Polly only speaks for Orleans' placement retries, one
    /// line per attempt (hundreds while a silo dies): silent, since a call that finally fails is reported by its
    /// caller. ASP.NET's authentication handler logs each refused token at Information, under the category of our
    /// handler: Warning, as refusals are counted in /metrics rather than logged. Other logger providers (the
    /// dashboard's log trace, a test's collector) still receive every event. Each host keeps its own logger rather
    /// than Serilog's static one, so that nodes in one process (the tests) neither mix nor silence each other's logs.
    /// </summary>
    public static IHostApplicationBuilder AddGridLogging(this IHostApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog((services, logger) => logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Orleans", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Polly", LogEventLevel.Fatal)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override("GridCommand.Web.Auth.BearerAuthentication", LogEventLevel.Warning)
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"),
            preserveStaticLogger: true, writeToProviders: true);
        return builder;
    }
}
