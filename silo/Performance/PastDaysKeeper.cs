using GridCommand.Grains;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GridCommand.Silo.Performance;

/// <summary>
/// Keeps the past days of the stations' performance added up in the background (a year of a city's events takes
/// tens of seconds the first time), so a report over a long period reads days, not events. Every node may run it:
/// two writing one day write the same.
/// </summary>
public sealed partial class PastDaysKeeper(PerformanceReader reader, PerformanceSettings settings, ILogger<PastDaysKeeper> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        try
        {
            await Task.Delay(settings.KeepDaysAfterStart, stop);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        await KeepAsync(stop);
        await PeriodicWork.Every(settings.KeepDaysEvery, () => KeepAsync(stop), stop);
    }

    private async Task KeepAsync(CancellationToken stop)
    {
        try
        {
            await reader.KeepPastDaysAsync(stop);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNotKept(log, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not add up the stations' past days; a report adds up the days it needs")]
    private static partial void LogNotKept(ILogger logger, Exception e);
}
