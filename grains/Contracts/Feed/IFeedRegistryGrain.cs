namespace GridCommand.Contracts.Feed;

/// <summary>
/// Who listens to the city's changes (key <see cref="CityKeys.City"/>). Listeners register again every few
/// seconds; one not heard from for a while is dropped, so a node that died stops being sent to.
/// </summary>
public interface IFeedRegistryGrain : IGrainWithStringKey
{
    Task Register(ICityFeedObserver observer);

    Task<IReadOnlyList<ICityFeedObserver>> Observers();
}
