using System.Diagnostics;

namespace GridCommand.Tests;

/// <summary>Polls until something the system does asynchronously has happened, or fails at a deadline.</summary>
public static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>Polls <paramref name="condition"/> until it is true; throws <see cref="TimeoutException"/> at the deadline.</summary>
    public static async Task Until(Func<Task<bool>> condition, TimeSpan timeout, string? what = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"Not true within {timeout.TotalSeconds:0.#} s: {what ?? "condition"}");
            await Task.Delay(Poll);
        }
    }

    /// <summary>
    /// Runs <paramref name="assertions"/> until they pass; at the deadline rethrows their last failure,
    /// so the test reports what was still wrong.
    /// </summary>
    public static async Task Succeeds(Func<Task> assertions, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await assertions();
                return;
            }
            catch (Exception) when (clock.Elapsed <= timeout)
            {
                await Task.Delay(Poll);
            }
        }
    }
}
