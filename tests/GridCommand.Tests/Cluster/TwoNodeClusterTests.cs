using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using GridCommand.Grains.Actors;
using GridCommand.Grains.Messages;
using GridCommand.Grains.Units;
using GridCommand.Silo.Hosting;
using GridCommand.Tests.Storage;
using Xunit;

namespace GridCommand.Tests.Cluster;

/// <summary>
/// Node A (the seed) and node B host shards over real TCP on 127.0.0.1; node C is a proxy-only node
/// (a web front) that joined through A. All three share one SQLite file.
/// </summary>
public sealed class TwoNodeClusterFixture : IAsyncLifetime
{
    private readonly SqliteTestDatabase db = new();
    private readonly List<TestNode> started = [];

    public TestNode A { get; private set; } = null!;
    public TestNode B { get; private set; } = null!;
    public TestNode ProxyOnly { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await db.InitializeAsync();
        var ports = TestNode.FreePorts(2);
        var seed = new Address("akka.tcp", new ClusterOptions().SystemName, "127.0.0.1", ports[0]);
        A = await Start(TestNode.Settings(db, ports[0], seed));
        Assert.Equal(seed, A.Address);
        B = await Start(TestNode.Settings(db, ports[1], seed));
        ProxyOnly = await Start(TestNode.Settings(db, 0, seed, hostShards: false));
        await Eventually.Until(() => Task.FromResult(
            Akka.Cluster.Cluster.Get(A.Node.System).State.Members.Count(m => m.Status == MemberStatus.Up) == 3),
            TimeSpan.FromSeconds(20), "A sees three members up");
    }

    public async Task DisposeAsync()
    {
        try
        {
            // The proxy and B leave first, the seed last.
            for (var i = started.Count - 1; i >= 0; i--) await started[i].DisposeAsync();
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    private async Task<TestNode> Start(Dictionary<string, string?> settings)
    {
        var node = await TestNode.StartAsync(settings);
        started.Add(node);
        return node;
    }
}

public sealed class TwoNodeClusterTests(TwoNodeClusterFixture cluster) : IClassFixture<TwoNodeClusterFixture>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(15);
    private readonly string run = Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task A_grain_hosted_on_B_answers_a_message_sent_on_A()
    {
        var (a, b) = (cluster.A, cluster.B);
        var unitId = await FindUnitIdHostedOn(b);

        var enrolled = await a.Ask<UnitView>(a.Node.Units, Enroll(unitId));
        Assert.Equal((unitId, "跨节点车巡", UnitKind.PatrolBike), (enrolled.Unit.UnitId, enrolled.Unit.Name, enrolled.Unit.Kind));

        // The grain lives on B, not A: the command and its reply crossed the wire.
        Assert.Contains(unitId, await EntitiesOn(b));
        Assert.DoesNotContain(unitId, await EntitiesOn(a));

        // A told fix from A reaches the grain on B, which tells its cell (wherever that lives).
        var p = a.Node.Runtime.Grid.Find("C15-15")!.Centre;
        var at = DateTimeOffset.UtcNow;
        a.Node.Units.Tell(new ReportPosition(unitId, p.Lat, p.Lon, at, 12.5, 180, 3), ActorRefs.NoSender);
        await Eventually.Succeeds(async () =>
        {
            var unit = (await a.Ask<UnitView>(a.Node.Units, new GetUnit(unitId))).Unit;
            Assert.Equal(("C15-15", at, p.Lat, p.Lon), (unit.CellId, unit.FixAt, unit.Lat, unit.Lon));
            var cell = await a.Ask<CellView>(a.Node.Cells, new GetCell("C15-15"));
            Assert.Contains(cell.Units, u => u.UnitId == unitId);
        }, Soon);
        Assert.Contains(unitId, await EntitiesOn(b));
    }

    [Fact]
    public async Task A_proxy_only_node_reaches_grains_hosted_on_the_shard_nodes()
    {
        var proxy = cluster.ProxyOnly;
        Assert.DoesNotContain(ClusterHocon.ShardRole, Akka.Cluster.Cluster.Get(proxy.Node.System).SelfRoles);
        var unitId = $"V-{run}";

        var enrolled = await proxy.Ask<UnitView>(proxy.Node.Units, Enroll(unitId));
        Assert.Equal(unitId, enrolled.Unit.UnitId);
        var onDuty = await proxy.Ask<UnitView>(proxy.Node.Units, new SetDuty(unitId, true, "test"));
        Assert.Equal(DutyStatus.Available, onDuty.Unit.Status);

        var hosts = new List<string>();
        if ((await EntitiesOn(cluster.A)).Contains(unitId)) hosts.Add("A");
        if ((await EntitiesOn(cluster.B)).Contains(unitId)) hosts.Add("B");
        Assert.Single(hosts);

        // The other nodes see the same grain.
        Assert.Equal(DutyStatus.Available, (await cluster.A.Ask<UnitView>(cluster.A.Node.Units, new GetUnit(unitId))).Unit.Status);
        Assert.Equal(DutyStatus.Available, (await cluster.B.Ask<UnitView>(cluster.B.Node.Units, new GetUnit(unitId))).Unit.Status);
    }

    /// <summary>
    /// Touches new shards from A until B hosts some (B's region may register with the coordinator a
    /// little after it is up), then returns an unused unit id that maps to one of B's shards.
    /// </summary>
    private async Task<string> FindUnitIdHostedOn(TestNode b)
    {
        var extractor = new GrainMessageExtractor(new ClusterOptions().Shards);
        var candidates = Enumerable.Range(0, 1000).Select(i => $"X-{run}-{i}").ToList();
        var probe = 0;
        string? found = null;
        await Eventually.Until(async () =>
        {
            // A GetUnit for an unknown unit is answered NotFound, but its shard gets allocated.
            await cluster.A.Node.Ask(cluster.A.Node.Units, new GetUnit($"probe-{run}-{probe++}"));
            var shardsOnB = (await RegionState(b)).Shards.Select(s => s.ShardId).ToHashSet();
            found = candidates.FirstOrDefault(id => shardsOnB.Contains(extractor.ShardId(id, new GetUnit(id))));
            return found is not null;
        }, Soon, "B hosts a unit shard");
        return found!;
    }

    private static async Task<HashSet<string>> EntitiesOn(TestNode node) =>
        (await RegionState(node)).Shards.SelectMany(s => s.EntityIds).ToHashSet();

    private static Task<CurrentShardRegionState> RegionState(TestNode node) =>
        node.Node.Units.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(5));

    private static EnrollUnit Enroll(string id) =>
        new(id, UnitKind.PatrolBike, "跨节点车巡", null, null, null, DeviceKeys.Hash(id, "key"), "test");
}
