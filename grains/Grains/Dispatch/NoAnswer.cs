using GridCommand.Contracts;

namespace GridCommand.Grains.Dispatch;

/// <summary>Asking another grain where silence is an answer: a grain that does not answer in time, or whose silo is going away, counts as none.</summary>
public static class NoAnswer
{
    public static readonly TimeSpan Within = TimeSpan.FromSeconds(5);

    /// <returns>the answer, or default when none came in time. Refusals are answers and still throw.</returns>
    public static async Task<T?> OrDefault<T>(Task<T> call)
    {
        try
        {
            return await call.WaitAsync(Within);
        }
        catch (Exception e) when (e is not Refusal)
        {
            return default;
        }
    }
}
