using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GridCommand.Silo.Performance;

public static class PerformanceHosting
{
    /// <summary>The stations' performance reports and the background keeping of their past days ("Performance" settings).</summary>
    public static IServiceCollection AddStationPerformance(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Performance").Get<PerformanceSettings>() ?? new PerformanceSettings());
        services.AddSingleton<PerformanceReader>();
        services.AddHostedService<PastDaysKeeper>();
        return services;
    }
}
