using GridCommand.Grains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GridCommand.Silo.Storage;

public static class TrackStoreHosting
{
    /// <summary>The silo's track recorder (the "Tracks" section) on the grid's database, saving and pruning with the silo's lifecycle.</summary>
    public static IServiceCollection AddTrackRecorder(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("Tracks").Get<TrackSettings>() ?? new TrackSettings());
        services.AddSingleton(sp => new TrackRecorder(sp.GetRequiredService<GridDatabase>().Tracks, sp.GetRequiredService<TrackSettings>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TrackRecorder>>()));
        services.AddSingleton<ITrackRecorder>(sp => sp.GetRequiredService<TrackRecorder>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<TrackRecorder>());
        return services;
    }
}
