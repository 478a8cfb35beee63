namespace GridCommand.Grains;

/// <summary>The background loop of a silo's batching services (the position journal, the track recorder, the coverage mailbox).</summary>
public static class PeriodicWork
{
    /// <summary>Runs <paramref name="work"/> every <paramref name="interval"/> until <paramref name="stop"/> is cancelled.</summary>
    public static async Task Every(TimeSpan interval, Func<Task> work, CancellationToken stop, TimeProvider? clock = null)
    {
        using var timer = new PeriodicTimer(interval, clock ?? TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(stop)) await work();
        }
        catch (OperationCanceledException)
        {
        }
    }
}
