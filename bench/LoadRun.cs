using System.Diagnostics;

namespace GridCommand.Bench;

/// <summary>What a load run did: requests answered as expected and not, over how long.</summary>
public sealed record LoadResult(long Ok, long Failed, TimeSpan Elapsed)
{
    public double PerSecond => Ok / Elapsed.TotalSeconds;
}

/// <summary>Workers, each on its own keep-alive connection, that send one request after another as fast as the server answers, for a while.</summary>
public static class LoadRun
{
    public static async Task<LoadResult> Run(Uri url, int workers, TimeSpan duration, Func<RawHttpConnection, Random, Task<bool>> request)
    {
        long ok = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            var connection = await RawHttpConnection.OpenAsync(url);
            try
            {
                while (clock.Elapsed < duration)
                {
                    if (await request(connection, random)) Interlocked.Increment(ref ok);
                    else Interlocked.Increment(ref failed);
                }
            }
            finally
            {
                connection.Dispose();
            }
        })));
        return new LoadResult(ok, failed, clock.Elapsed);
    }
}
