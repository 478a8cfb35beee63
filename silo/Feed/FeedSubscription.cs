using GridCommand.Contracts;
using GridCommand.Contracts.Feed;
using Microsoft.Extensions.Logging;

namespace GridCommand.Silo.Feed;

/// <summary>
/// Keeps a listener registered in the feed registry for as long as <paramref name="stop"/> allows: it registers
/// again every few seconds, so a registry that restarted (its silo died) fills up again by itself.
/// </summary>
public static partial class FeedSubscription
{
    private static readonly TimeSpan RegisterEvery = TimeSpan.FromSeconds(5);

    /// <param name="registered">set once the registry first holds the listener</param>
    public static async Task KeepRegistered(IGrainFactory grains, ICityFeedObserver listener, ILogger log, CancellationToken stop,
        TaskCompletionSource? registered = null)
    {
        // The reference must outlive every batch sent to it: it is held here until the host stops.
        var reference = grains.CreateObjectReference<ICityFeedObserver>(listener);
        var registry = grains.GetGrain<IFeedRegistryGrain>(CityKeys.City);
        using var timer = new PeriodicTimer(RegisterEvery);
        try
        {
            do
            {
                try
                {
                    await registry.Register(reference);
                    registered?.TrySetResult();
                }
                // Whatever the call threw, a cancelled call among it (a silo starting or stopping), only the host's stop
                // ends this loop: a listener left unregistered would hear of no change again.
                catch (Exception e) when (!stop.IsCancellationRequested)
                {
                    LogNotRegistered(log, e);
                }
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            grains.DeleteObjectReference<ICityFeedObserver>(reference);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not register for the city's changes; trying again shortly")]
    private static partial void LogNotRegistered(ILogger logger, Exception e);
}
