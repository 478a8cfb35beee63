using GridCommand.Grains.Coverage;
using GridCommand.Rules.Coverage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GridCommand.Silo.Hosting;

/// <summary>The silo's coverage mailbox: one per silo, flushing on the "Coverage" section's interval.</summary>
internal static class CoverageHosting
{
    public static void AddCoverageMailbox(this IServiceCollection services)
    {
        services.AddSingleton(sp => new CoverageMailbox(sp.GetRequiredService<IGrainFactory>(),
            sp.GetRequiredService<CoverageSettings>().FlushInterval, sp.GetRequiredService<ILogger<CoverageMailbox>>()));
        services.AddSingleton<ICoverageMailbox>(sp => sp.GetRequiredService<CoverageMailbox>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<CoverageMailbox>());
    }
}
