using System.Net;
using System.Threading.RateLimiting;

namespace GridCommand.Web.Auth;

/// <summary>
/// At most <see cref="AuthOptions.SignInFailuresPerMinute"/> failed sign-ins a minute per name (a user, or a unit's
/// device) and per address. Past that, sign-in for that name or from that address is refused (429) until the minute is
/// over, right password or not: guessing is slowed to a few tries a minute. In memory, per web node.
/// </summary>
public sealed class SignInThrottle(int failuresPerMinute) : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = failuresPerMinute, Window = Window, QueueLimit = 0,
        }));

    public bool IsBlocked(string name, IPAddress? address) => Exhausted($"name:{name}") || Exhausted($"address:{address}");

    public void Failed(string name, IPAddress? address)
    {
        _failures.AttemptAcquire($"name:{name}").Dispose();
        _failures.AttemptAcquire($"address:{address}").Dispose();
    }

    public void Dispose() => _failures.Dispose();

    private bool Exhausted(string key) => _failures.GetStatistics(key) is { CurrentAvailablePermits: 0 };
}
