using System.Diagnostics;
using System.Text.Json;

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

    /// <summary>Probes until <paramref name="done"/> holds and returns that value; at the deadline fails with the last value seen.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? within = null)
    {
        var clock = Stopwatch.StartNew();
        var timeout = within ?? TimeSpan.FromSeconds(10);
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (clock.Elapsed > timeout) throw new TimeoutException($"Timed out waiting for {what}; last seen: {Describe(value)}");
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

    private static string Describe(object? value) => value is JsonElement e ? e.GetRawText() : value?.ToString() ?? "null";
}
