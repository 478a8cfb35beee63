using GridCommand.Tests.Storage;

namespace GridCommand.Tests.Cluster;

public sealed class NodeLifecycleTests
{
    [Fact]
    public async Task The_host_stops_when_the_actor_system_dies_under_it()
    {
        await using var db = new SqliteTestDatabase();
        await db.InitializeAsync();
        await using var node = await TestNode.StartAsync(db);
        var stopping = new TaskCompletionSource();
        node.Stopping.Register(() => stopping.TrySetResult());

        await node.Node.System.Terminate();

        await stopping.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains(node.Warnings, w => w.Contains("actor system terminated"));
    }
}
