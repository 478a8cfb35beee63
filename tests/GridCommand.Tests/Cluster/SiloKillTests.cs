using GridCommand.Tests.Storage;
using Xunit;
using Xunit.Abstractions;

namespace GridCommand.Tests.Cluster;

/// <summary>
/// Three silos of Orleans' TestingHost, in this process, with the grid's grains and storage on a fresh PostgreSQL
/// database. One of them is killed (no graceful stop) in the middle of a stream of commands.
/// </summary>
public sealed class ThreeSiloCluster() : GridTestCluster(3, new PostgresTestDatabase(),
    ("Grains:PositionSaveInterval", "00:00:02"), ("Dispatch:AcceptTimeout", CommandStream.AcceptTimeout));

public sealed class SiloKillTests(ThreeSiloCluster fixture, ITestOutputHelper output) : IClassFixture<ThreeSiloCluster>
{
    [Fact]
    public async Task A_silo_killed_under_load_loses_no_acknowledged_command_and_the_others_answer_for_all_within_30_s()
    {
        var stream = new CommandStream(fixture.Cluster.Client);

        output.WriteLine(await stream.SurvivesKill(() => fixture.Cluster.KillSiloAsync(fixture.Cluster.SecondarySilos[0]), dispatchedFirst: 10));
    }
}
