using GridCommand.Grains;
using GridCommand.Rules;
using GridCommand.Rules.Cameras;
using GridCommand.Rules.Coverage;
using GridCommand.Rules.Dispatch;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Volunteers;
using GridCommand.Silo.Cameras;
using GridCommand.Silo.Demo;
using GridCommand.Silo.Intake;
using GridCommand.Silo.Lockdown;
using GridCommand.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GridCommand.Silo.Hosting;

/// <summary>Wires a grid node into a host: the same for the headless silo and the web process.</summary>
public static class GridHosting
{
    private const int MinPoolThreads = 32;

    /// <summary>
    /// Makes this process a node of the grid: a silo (the default), or with Cluster:Role "client" a client of the
    /// cluster's silos. Either way the host can call grains; with Simulation:Enabled it also runs the demo city.
    /// </summary>
    public static IHostApplicationBuilder AddGridNode(this IHostApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var (cluster, storage) = builder.Services.AddGridServices(config);
        // SQLite's ADO.NET calls (grain storage, event log) block their thread: start with enough pool threads that a
        // burst of writes does not starve the silo while the pool grows.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, MinPoolThreads), io);
        if (cluster.IsClient) builder.UseOrleansClient(client => client.ConfigureGridClient(cluster, storage));
        else builder.UseOrleans(silo => silo.UseGridClustering(cluster, storage).AddGridGrains(config));
        builder.Services.Configure<SimulationOptions>(config.GetSection("Simulation"));
        if (config.GetValue<bool>("Simulation:Enabled")) builder.Services.AddHostedService<Simulator>();
        builder.Services.AddHostedService<LockdownPlanSeeder>();
        builder.Services.AddHostedService<CameraSeeder>();
        return builder;
    }

    /// <summary>What every node needs, silo or client: its settings, the clocks, the city layout, the database and the cameras' rules.</summary>
    public static (ClusterSettings Cluster, StorageSettings Storage) AddGridServices(this IServiceCollection services, IConfiguration config)
    {
        var cluster = config.GetSection("Cluster").Get<ClusterSettings>() ?? new ClusterSettings();
        var storage = config.GetSection("Storage").Get<StorageSettings>() ?? new StorageSettings();
        services.AddSingleton(cluster);
        services.AddSingleton(storage);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(config.GetSection("Grains").Get<GrainSettings>() ?? new GrainSettings());
        var city = config.GetSection("City").Get<CitySettings>() ?? new CitySettings();
        services.AddSingleton(CityClock.InZone(city.TimeZone));
        services.AddSingleton(BuildGrid(city));
        services.AddSingleton(_ => GridDatabase.Create(storage.Provider, storage.ConnectionString, cluster.ServiceId));
        services.AddSingleton(config.GetSection("Cameras").Get<CameraSettings>() ?? new CameraSettings());
        return (cluster, storage);
    }

    /// <summary>The dispatch and coverage rules the grains run with (the "Dispatch" and "Coverage" sections), and the runtime they share.</summary>
    internal static void AddGrainRuntime(this IServiceCollection services, IConfiguration config)
    {
        var dispatch = config.GetSection("Dispatch").Get<DispatchSettings>() ?? new DispatchSettings();
        services.AddSingleton(dispatch);
        services.AddSingleton<IEtaEstimator>(new StraightLineEta(dispatch));
        services.AddSingleton(config.GetSection("Coverage").Get<CoverageSettings>() ?? new CoverageSettings());
        services.AddSingleton<GridRuntime>();
        services.AddChatIntake(config);
        services.AddSingleton(config.GetSection("Volunteers").Get<VolunteerSettings>() ?? new VolunteerSettings());
    }

    /// <summary>`--demo` on the command line is short for `--Demo:Enabled=true`: the demo users and the simulated city.</summary>
    public static string[] ExpandDemoSwitch(string[] args) => args.Select(a => a == "--demo" ? "--Demo:Enabled=true" : a).ToArray();

    /// <summary>
    /// Layers the node's defaults file (if any) and then the JSON file named by the "Settings" key
    /// (e.g. --Settings /srv/gridcommand/silo-a.json) over appsettings; environment variables and the
    /// command line keep the last word. Demo:Enabled turns on the demo users and the simulated city.
    /// </summary>
    public static IConfigurationManager AddGridSettingsFiles(this IConfigurationManager config, string[] args, string? defaultsFile = null)
    {
        if (defaultsFile is not null) config.AddJsonFile(defaultsFile, optional: false);
        if (config["Settings"] is { Length: > 0 } path) config.AddJsonFile(Path.GetFullPath(path), optional: false);
        config.AddEnvironmentVariables();
        config.AddCommandLine(args);
        if (config.GetValue<bool>("Demo:Enabled"))
            config.AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:DemoUsers"] = "true", ["Simulation:Enabled"] = "true" });
        return config;
    }

    private static CityGrid BuildGrid(CitySettings o) => o.GeoJsonPath is { Length: > 0 } path
        ? GridLayouts.FromGeoJson(File.ReadAllText(path))
        : GridLayouts.Generate(new GeoBounds(o.South, o.West, o.North, o.East), o.CellMeters, p => DemoNames.District(p.Lat, p.Lon));
}
