using GridCommand.Contracts.Lockdown;
using GridCommand.Contracts.Units;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Lockdown;
using GridCommand.Rules.Units;
using GridCommand.Tests.Storage;
using Xunit;

namespace GridCommand.Tests.Cluster;

/// <summary>Lockdown activations on a TestingHost silo: staffing and sealing, a real race of two activations over the same units, stand-down.</summary>
public sealed class LockdownGrainTests(OneSiloCluster node) : IClassFixture<OneSiloCluster>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(30);
    private readonly string run = Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task An_activation_assigns_a_unit_to_every_point_and_seals_once_each_unit_reached_its_point()
    {
        var grains = node.Grains;
        var centre = node.Grid.Find("C08-08")!.Centre;
        var points = Enumerable.Range(0, 4).Select(i => Point($"B{i}", centre.Offset(400 * i, 90), i < 2 ? Ring.Core : Ring.Urban)).ToList();
        var units = await Units(grains, "seal", points.Select(p => new GeoPoint(p.Lat, p.Lon).Offset(200, 0)).ToList());
        var planId = await Plan(grains, "seal", points);

        var id = $"L-seal-{run}";
        var started = await grains.GetGrain<ILockdownActivationGrain>(id).Activate(new ActivationOrder(planId, null, null, true, "test"));
        Assert.Equal(4, started.Unstaffed);
        var assigned = await Until(id, v => v.EnRoute == 4, "every point en route");
        Assert.Equal(4, assigned.Points.Select(p => p.UnitId).Distinct().Count());

        foreach (var p in assigned.Points)
            await grains.GetGrain<IUnitGrain>(p.UnitId!).ReportPosition(new PositionFix(new GeoPoint(p.Lat, p.Lon).Offset(20, 180), DateTimeOffset.UtcNow));
        var sealedView = await Until(id, v => v.TimeToSealSeconds is not null, "sealed");
        Assert.Equal((4, 0, 0), (sealedView.Staffed, sealedView.EnRoute, sealedView.Unstaffed));
        Assert.All(sealedView.Points, p => Assert.NotNull(p.StaffedAt));
        foreach (var unitId in units)
            Assert.Equal(DutyStatus.OnScene, (await grains.GetGrain<IUnitGrain>(unitId).Get())!.Unit.Status);

        var stood = await grains.GetGrain<ILockdownActivationGrain>(id).StandDown("test");
        Assert.False(stood.Active);
        await Eventually.Succeeds(async () =>
        {
            foreach (var unitId in units)
                Assert.Equal((DutyStatus.Available, null), ((await grains.GetGrain<IUnitGrain>(unitId).Get())!.Unit.Status, (await grains.GetGrain<IUnitGrain>(unitId).Get())!.Unit.TaskId));
        }, Soon);
        Assert.DoesNotContain(id, await grains.GetGrain<ILockdownCatalogueGrain>(Contracts.CityKeys.City).ActiveActivations());
    }

    [Fact]
    public async Task Two_activations_started_at_once_over_the_same_units_never_give_one_unit_two_points()
    {
        var grains = node.Grains;
        var centre = node.Grid.Find("C20-22")!.Centre;
        // 12 units, two plans of 10 points each over the same streets: 20 points want the same 12 units.
        var spots = Enumerable.Range(0, 10).Select(i => centre.Offset(150 * i, 45)).ToList();
        var units = await Units(grains, "race", Enumerable.Range(0, 12).Select(i => centre.Offset(120 * i, 45).Offset(60, 135)).ToList());
        var planA = await Plan(grains, "race-a", spots.Select((s, i) => Point($"A{i}", s, Ring.Core)).ToList());
        var planB = await Plan(grains, "race-b", spots.Select((s, i) => Point($"B{i}", s.Offset(30, 0), Ring.Core)).ToList());

        string a = $"L-race-a-{run}", b = $"L-race-b-{run}";
        await Task.WhenAll(
            grains.GetGrain<ILockdownActivationGrain>(a).Activate(new ActivationOrder(planA, null, null, true, "dispatcher-1")),
            grains.GetGrain<ILockdownActivationGrain>(b).Activate(new ActivationOrder(planB, null, null, true, "dispatcher-2")));
        var (viewA, viewB) = (await Until(a, v => v.EnRoute > 0, "A assigned"), await Until(b, v => v.EnRoute > 0, "B assigned"));
        // Both first rounds have run once both have units; then every unit is taken.
        await Eventually.Succeeds(async () =>
        {
            (viewA, viewB) = ((await grains.GetGrain<ILockdownActivationGrain>(a).Get())!, (await grains.GetGrain<ILockdownActivationGrain>(b).Get())!);
            Assert.Equal(12, viewA.EnRoute + viewB.EnRoute);
        }, Soon);

        var given = viewA.Points.Concat(viewB.Points).Where(p => p.UnitId is not null).ToList();
        Assert.Equal(given.Count, given.Select(p => p.UnitId).Distinct().Count());
        foreach (var p in given)
            Assert.Equal(p.TaskId, (await grains.GetGrain<IUnitGrain>(p.UnitId!).Get())!.Unit.TaskId);
        Assert.Equal(units.Order(), given.Select(p => p.UnitId!).Order());

        await grains.GetGrain<ILockdownActivationGrain>(a).StandDown("test");
        await grains.GetGrain<ILockdownActivationGrain>(b).StandDown("test");
    }

    internal static LockdownPoint Point(string id, GeoPoint at, Ring ring) => new(id, $"堵控点{id}", PointKind.BlockingPoint, ring, at.Lat, at.Lon);

    internal static async Task<string> Plan(IGrainFactory grains, string name, IReadOnlyList<LockdownPoint> points)
    {
        var id = $"plan-{name}-{Guid.NewGuid():N}"[..24];
        await grains.GetGrain<ILockdownPlanGrain>(id).Save(name, points, create: true, "test");
        return id;
    }

    /// <summary>Guards on duty at the places given, once their cells list them.</summary>
    internal static async Task<List<string>> Units(IGrainFactory grains, string prefix, IReadOnlyList<GeoPoint> at)
    {
        var ids = at.Select((_, i) => $"G-{prefix}-{Guid.NewGuid():N}"[..16] + i).ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            var unit = grains.GetGrain<IUnitGrain>(ids[i]);
            await unit.Enrol(new UnitEnrolment(UnitKind.Guard, $"保安{ids[i]}", null, "岗亭", null, DeviceKeys.Hash(ids[i], "key"), "test"));
            await unit.ReportPosition(new PositionFix(at[i], DateTimeOffset.UtcNow));
            await unit.SetDuty(true, "test");
        }
        return ids;
    }

    private Task<ActivationView> Until(string id, Func<ActivationView, bool> done, string what) => Until(node.Grains, id, done, what);

    internal static Task<ActivationView> Until(IGrainFactory grains, string id, Func<ActivationView, bool> done, string what) =>
        Eventually.Until(async () => (await grains.GetGrain<ILockdownActivationGrain>(id).Get())!, done, what, Soon);
}

/// <summary>An activation on PostgreSQL survives the node's restart: the same points and units, and its rounds go on (it seals after).</summary>
public sealed class PostgresLockdownRestartTests(PostgresTestDatabase db) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task An_activation_and_its_plan_survive_a_restart_and_seal_afterwards()
    {
        var id = $"L-restart-{Guid.NewGuid():N}"[..20];
        ActivationView before;
        string planId;
        await using (var first = await TestNode.StartAsync(db))
        {
            var centre = first.Grid.Find("C10-10")!.Centre;
            var points = new[] { LockdownGrainTests.Point("B1", centre, Ring.Core), LockdownGrainTests.Point("K1", centre.Offset(800, 90), Ring.City) };
            await LockdownGrainTests.Units(first.Grains, "pg", points.Select(p => new GeoPoint(p.Lat, p.Lon).Offset(100, 0)).ToList());
            planId = await LockdownGrainTests.Plan(first.Grains, "pg", points);
            await first.Grains.GetGrain<ILockdownActivationGrain>(id).Activate(new ActivationOrder(planId, null, null, true, "test"));
            before = await LockdownGrainTests.Until(first.Grains, id, v => v.EnRoute == 2, "both en route");
            await first.StopAsync();
        }

        await using var second = await TestNode.StartAsync(db);
        var grains = second.Grains;
        Assert.Equal(2, (await grains.GetGrain<ILockdownPlanGrain>(planId).Get())!.Points.Count);
        Assert.Contains(id, await grains.GetGrain<ILockdownCatalogueGrain>(Contracts.CityKeys.City).ActiveActivations());
        var after = (await grains.GetGrain<ILockdownActivationGrain>(id).Get())!;
        Assert.Equal(before.Points.Select(p => (p.PointId, p.UnitId, p.State)), after.Points.Select(p => (p.PointId, p.UnitId, p.State)));
        Assert.Equal(before.ActivatedAt, after.ActivatedAt);

        foreach (var p in after.Points)
            await grains.GetGrain<IUnitGrain>(p.UnitId!).ReportPosition(new PositionFix(new GeoPoint(p.Lat, p.Lon), DateTimeOffset.UtcNow));
        var sealedView = await LockdownGrainTests.Until(grains, id, v => v.TimeToSealSeconds is not null, "sealed after the restart");
        Assert.Equal(2, sealedView.Staffed);
    }
}
