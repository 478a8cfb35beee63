namespace GridCommand.Contracts.Feed;

/// <summary>One per web node (and the demo's simulated crews): receives every silo's change batches.</summary>
public interface ICityFeedObserver : IGrainObserver
{
    [OneWay]
    Task OnChanges(CityChanges changes);
}
