using GridCommand.Contracts.Feed;

namespace GridCommand.Grains.Feed;

/// <summary>
/// The listeners of the city's changes, in memory only: they register again every few seconds, so after a
/// restart of this grain the registry fills up again by itself, and a listener not heard from is forgotten.
/// </summary>
public sealed class FeedRegistryGrain(TimeProvider clock) : Grain, IFeedRegistryGrain
{
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromSeconds(30);
    private readonly Dictionary<ICityFeedObserver, DateTimeOffset> _lastSeen = new();

    public Task Register(ICityFeedObserver observer)
    {
        _lastSeen[observer] = clock.GetUtcNow();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ICityFeedObserver>> Observers()
    {
        var cutoff = clock.GetUtcNow() - ForgetAfter;
        foreach (var (observer, seen) in _lastSeen.ToList())
            if (seen < cutoff) _lastSeen.Remove(observer);
        return Task.FromResult<IReadOnlyList<ICityFeedObserver>>(_lastSeen.Keys.ToList());
    }
}
