using Microsoft.Extensions.DependencyInjection;

namespace GridCommand.Tests.Cluster;

/// <summary>What one silo believes about the cluster: a silo routes to another (its grains, its node's feed listener) only once it sees it active.</summary>
public static class Membership
{
    public static int ActiveSilosSeenBy(IServiceProvider silo) =>
        silo.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);

    /// <summary>Waits until every one of <paramref name="silos"/> sees all of them active.</summary>
    public static Task AllSeeEachOther(params IServiceProvider[] silos) =>
        Eventually.Until(() => Task.FromResult(silos.All(s => ActiveSilosSeenBy(s) == silos.Length)),
            TimeSpan.FromSeconds(30), $"each of {silos.Length} silos seeing all of them active");
}
