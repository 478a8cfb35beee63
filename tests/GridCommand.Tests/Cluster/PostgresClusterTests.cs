using System.Data.Common;
using GridCommand.Contracts.Cells;
using GridCommand.Contracts.Units;
using GridCommand.Rules.Units;
using GridCommand.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GridCommand.Tests.Cluster;

/// <summary>
/// Two headless silos (A and B) and a client-only node (C) on one fresh PostgreSQL database: they find each other
/// through Orleans' membership tables there and talk over TCP on 127.0.0.1.
/// </summary>
public sealed class PostgresClusterFixture : IAsyncLifetime
{
    private readonly List<TestNode> started = [];

    public PostgresTestDatabase Database { get; } = new();

    public TestNode A { get; private set; } = null!;
    public TestNode B { get; private set; } = null!;
    public TestNode ClientOnly { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        // Random placement, so a test can find a grain living on B: Orleans' default weighs the silos' load, which in one
        // test process is the same process's, and may send every new grain to A.
        A = await Start(Silo(), RandomPlacement);
        B = await Start(Silo(), RandomPlacement);
        var client = Silo();
        client["Cluster:Role"] = "client";
        ClientOnly = await Start(client);
        await Membership.AllSeeEachOther(A.Services, B.Services);
        await Eventually.Until(async () => (await ActiveSilos(ClientOnly)).Length == 2, TimeSpan.FromSeconds(30), "the client sees two active silos");
    }

    public async Task DisposeAsync()
    {
        try
        {
            for (var i = started.Count - 1; i >= 0; i--) await started[i].DisposeAsync();
        }
        finally
        {
            await Database.DisposeAsync();
        }
    }

    public static async Task<SiloAddress[]> ActiveSilos(TestNode node) =>
        (await node.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Keys.ToArray();

    private Dictionary<string, string?> Silo()
    {
        var ports = LoopbackPorts.Free(2);
        return TestNode.NodeSettings(Database, ports[0], ports[1], postgresClustering: true);
    }

    private static void RandomPlacement(IServiceCollection services) => services.AddSingleton<PlacementStrategy, RandomPlacement>();

    private async Task<TestNode> Start(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var node = await TestNode.StartAsync(settings, services);
        started.Add(node);
        return node;
    }
}

public sealed class PostgresClusterTests(PostgresClusterFixture cluster) : IClassFixture<PostgresClusterFixture>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(15);
    private readonly string run = Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task Every_node_sees_the_same_two_silos_on_loopback()
    {
        foreach (var node in new[] { cluster.A, cluster.B, cluster.ClientOnly })
        {
            var silos = await PostgresClusterFixture.ActiveSilos(node);
            Assert.Equal(2, silos.Length);
            Assert.All(silos, s => Assert.Equal("127.0.0.1", s.Endpoint.Address.ToString()));
        }
    }

    [Fact]
    public async Task A_grain_living_on_B_answers_a_command_sent_on_A_and_its_fix_reaches_its_cell()
    {
        var unitId = await UnitLivingOn(cluster.B);

        var view = await cluster.A.Grains.GetGrain<IUnitGrain>(unitId).SetDuty(true, "test");
        Assert.Equal(DutyStatus.Available, view.Unit.Status);
        Assert.Equal(1, await Activations(cluster.B, unitId));
        Assert.Equal(0, await Activations(cluster.A, unitId));

        var cell = cluster.A.Grid.Find("C15-15")!;
        await cluster.A.Grains.GetGrain<IUnitGrain>(unitId).ReportPosition(new PositionFix(cell.Centre, DateTimeOffset.UtcNow));
        await Eventually.Succeeds(async () =>
            Assert.Contains((await cluster.A.Grains.GetGrain<ICellGrain>(cell.Id).Get())!.Units, u => u.UnitId == unitId), Soon);
    }

    [Fact]
    public async Task A_client_only_node_commands_grains_and_both_silos_read_what_it_did()
    {
        var unitId = $"V-{run}";
        await cluster.ClientOnly.Grains.GetGrain<IUnitGrain>(unitId).Enrol(Enrolment(unitId));
        await cluster.ClientOnly.Grains.GetGrain<IUnitGrain>(unitId).SetDuty(true, "test");

        foreach (var silo in new[] { cluster.A, cluster.B })
        {
            var unit = (await silo.Grains.GetGrain<IUnitGrain>(unitId).Get())!.Unit;
            Assert.Equal(("跨节点车巡", DutyStatus.Available), (unit.Name, unit.Status));
        }
    }

    [Fact]
    public async Task A_database_error_in_a_grain_reaches_a_client_only_node_at_once_not_after_the_call_timeout()
    {
        var unitId = $"L-{run}";
        await cluster.ClientOnly.Grains.GetGrain<IUnitGrain>(unitId).Enrol(Enrolment(unitId));
        await using var refusing = await cluster.Database.Refuse("INSERT", "grain_event", $"NEW.grain_id = '{unitId}'", "log on fire");

        // The web node answers a DbException with a 503; a TimeoutException here would mean the answer was lost on the way.
        var call = cluster.ClientOnly.Grains.GetGrain<IUnitGrain>(unitId).SetDuty(true, "test");
        await Assert.ThrowsAnyAsync<DbException>(() => call.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    /// <summary>Enrols units until one is placed on <paramref name="silo"/> (at random, half of them); returns its id.</summary>
    private async Task<string> UnitLivingOn(TestNode silo)
    {
        for (var i = 0; i < 50; i++)
        {
            var unitId = $"X-{run}-{i}";
            await cluster.ClientOnly.Grains.GetGrain<IUnitGrain>(unitId).Enrol(Enrolment(unitId));
            if (await Activations(silo, unitId) == 1) return unitId;
        }
        throw new Xunit.Sdk.XunitException("No unit was placed on the silo in 50 tries.");
    }

    /// <summary>How many activations of the unit's grain the silo holds.</summary>
    private static async Task<int> Activations(TestNode silo, string unitId)
    {
        var address = silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var grainId = ((GrainReference)silo.Grains.GetGrain<IUnitGrain>(unitId)).GrainId;
        var stats = await silo.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics(hostsIds: [address]);
        return stats.Count(s => s.GrainId == grainId);
    }

    private static UnitEnrolment Enrolment(string unitId) =>
        new(UnitKind.PatrolBike, "跨节点车巡", null, null, null, DeviceKeys.Hash(unitId, "key"), "test");
}
