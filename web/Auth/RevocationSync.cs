using GridCommand.Contracts;
using GridCommand.Contracts.Auth;

namespace GridCommand.Web.Auth;

/// <summary>
/// Loads every revocation before the node serves (a node that started after a revocation knows it too), then again every
/// minute: the change feed's batches are one-way, and one lost with a dying silo must not leave a revoked token working.
/// </summary>
public sealed partial class RevocationSync(IGrainFactory grains, TokenRevocations revocations, ILogger<RevocationSync> log) : BackgroundService
{
    private static readonly TimeSpan ReloadEvery = TimeSpan.FromMinutes(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await Load();
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(ReloadEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    await Load();
                }
                catch (Exception e)
                {
                    LogReloadFailed(log, e);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task Load() => revocations.Apply(await grains.GetGrain<IRevocationsGrain>(CityKeys.City).All());

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reload the token revocations; trying again in a minute")]
    private static partial void LogReloadFailed(ILogger logger, Exception e);
}
