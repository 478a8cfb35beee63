namespace GridCommand.Grains;

/// <summary>
/// Start-up work that needs the cluster or the database (seeding, loading what is live), either of which may not be
/// there yet when a node starts: tried again, after a pause, until it is done or the node stops.
/// </summary>
public static class StartupWork
{
    /// <param name="retries">which failures are tried again; any other ends the work with it</param>
    /// <param name="failed">told of each failure tried again, to log it</param>
    public static async Task UntilDone(Func<Task> work, TimeSpan retryAfter, Func<Exception, bool> retries, Action<Exception> failed,
        CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await work();
                return;
            }
            catch (Exception e) when (retries(e))
            {
                failed(e);
                await Task.Delay(retryAfter, stop);
            }
        }
    }
}
