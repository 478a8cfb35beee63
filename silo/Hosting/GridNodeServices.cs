using GridCommand.Grains.Actors;
using GridCommand.Grains.Dispatch;
using GridCommand.Grains.Geo;
using GridCommand.Silo.Dispatch;
using GridCommand.Silo.Demo;
using GridCommand.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serilog;

namespace GridCommand.Silo.Hosting;

/// <summary>Wires a grid node into a host: the same for the headless silo and the web process.</summary>
public static class GridNodeServices
{
    public static IServiceCollection AddGridNode(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<ClusterOptions>(config.GetSection("Cluster"));
        services.Configure<StorageOptions>(config.GetSection("Storage"));
        services.Configure<CityOptions>(config.GetSection("City"));
        services.Configure<SimulationOptions>(config.GetSection("Simulation"));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => BuildGrid(sp.GetRequiredService<IOptions<CityOptions>>().Value));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return GrainStorage.Create(o.Provider, o.ConnectionString);
        });
        services.AddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<GrainStorage>();
            var settings = config.GetSection("Grains").Get<GrainSettings>() ?? new GrainSettings();
            var dispatch = config.GetSection("Dispatch").Get<DispatchSettings>() ?? new DispatchSettings();
            return new GrainRuntime(storage.States, storage.Events, sp.GetRequiredService<CityGrid>(), settings, dispatch,
                sp.GetService<IEtaEstimator>() ?? new StraightLineEta(dispatch), sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<GridNode>();
        services.AddSingleton<IncidentDesk>();
        services.AddHostedService(sp => sp.GetRequiredService<GridNode>());
        services.AddSingleton(sp => new DemoCity(sp.GetRequiredService<CityGrid>(), sp.GetRequiredService<IOptions<SimulationOptions>>().Value));
        if (config.GetValue("Simulation:Enabled", true)) services.AddHostedService<Simulator>();
        return services;
    }

    /// <summary>
    /// Layers the node's defaults file (if any) and then the JSON file named by the "Settings" key
    /// (e.g. --Settings /srv/gridcommand/silo-a.json) over appsettings; environment variables and the
    /// command line keep the last word.
    /// </summary>
    public static IConfigurationManager AddGridSettingsFiles(this IConfigurationManager config, string[] args, string? defaultsFile = null)
    {
        if (defaultsFile is not null) config.AddJsonFile(defaultsFile, optional: false);
        if (config["Settings"] is { Length: > 0 } path) config.AddJsonFile(Path.GetFullPath(path), optional: false);
        config.AddEnvironmentVariables();
        config.AddCommandLine(args);
        return config;
    }

    /// <summary>Serilog to the console, levels from the "Serilog" section.</summary>
    public static ILoggingBuilder AddGridLogging(this ILoggingBuilder logging, IConfiguration config)
    {
        var logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .ReadFrom.Configuration(config)
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
            .CreateLogger();
        return logging.ClearProviders().AddSerilog(logger, dispose: true);
    }

    private static CityGrid BuildGrid(CityOptions o) => o.GeoJsonPath is { Length: > 0 } path
        ? GridLayouts.FromGeoJson(File.ReadAllText(path))
        : GridLayouts.Generate(new GeoBounds(o.South, o.West, o.North, o.East), o.CellMeters, p => DemoNames.District(p.Lat, p.Lon));
}
