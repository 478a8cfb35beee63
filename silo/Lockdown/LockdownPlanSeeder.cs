using GridCommand.Contracts.Lockdown;
using GridCommand.Grains;
using GridCommand.Rules;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Lockdown;
using GridCommand.Silo.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GridCommand.Silo.Lockdown;

/// <summary>
/// At start, the plans of Lockdown:Plans (and the demo's 关城门 with the simulated city) are saved into their plan grains,
/// each only if missing: a plan edited in the console keeps its edits. A plan that breaks the rules stops the node.
/// </summary>
public sealed partial class LockdownPlanSeeder(IGrainFactory grains, CityGrid grid, IConfiguration config, ILogger<LockdownPlanSeeder> log)
    : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <exception cref="InvalidOperationException">a configured plan that breaks the rules, named with its error</exception>
    public static List<(string Id, string Name, List<LockdownPoint> Points)> Plans(IConfiguration config, GeoBounds city)
    {
        var settings = config.GetSection("Lockdown").Get<LockdownSettings>() ?? new LockdownSettings();
        var plans = new List<(string, string, List<LockdownPoint>)>();
        foreach (var (plan, i) in settings.Plans.Select((p, i) => (p, i)))
        {
            var pointsError = LockdownPlanRules.Read(plan.Name, plan.Points.Select(p => p.Input()).ToList(), city, out var points);
            var error = GridIds.Check($"Lockdown:Plans:{i}:Id", plan.Id) ?? pointsError;
            if (error is not null) throw new InvalidOperationException($"Lockdown:Plans:{i}: {error}");
            plans.Add((plan.Id!, plan.Name!.Trim(), points));
        }
        if (settings.DemoPlan && config.GetValue<bool>("Simulation:Enabled"))
            plans.Add((LockdownDemoPlan.Id, LockdownDemoPlan.Name, LockdownDemoPlan.Points(city).ToList()));
        return plans;
    }

    private List<(string Id, string Name, List<LockdownPoint> Points)> _plans = [];

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _plans = Plans(config, grid.Bounds); // checked before the node starts, so a bad plan is a failed start, not a log line
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        foreach (var (id, name, points) in _plans)
            await StartupWork.UntilDone(() => grains.GetGrain<ILockdownPlanGrain>(id).SeedIfMissing(name, points), RetryAfter,
                _ => !stop.IsCancellationRequested, e => LogNotSeeded(log, id, RetryAfter.TotalSeconds, e), stop);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lockdown plan {Id} not seeded yet, trying again in {Seconds} s")]
    private static partial void LogNotSeeded(ILogger logger, string id, double seconds, Exception e);
}
