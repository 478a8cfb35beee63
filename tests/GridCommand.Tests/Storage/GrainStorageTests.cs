using GridCommand.Grains.Storage;
using GridCommand.Silo.Storage;
using Xunit;

namespace GridCommand.Tests.Storage;

public sealed class SqliteGrainStorageTests(SqliteTestDatabase db) : GrainStorageContract(db), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresGrainStorageTests(PostgresTestDatabase db) : GrainStorageContract(db), IClassFixture<PostgresTestDatabase>;

/// <summary>
/// The storage contract, run once per provider. The test classes share a database, so every test
/// works under its own grain kind.
/// </summary>
public abstract class GrainStorageContract(TestDatabase db) : IAsyncLifetime
{
    private readonly string kind = $"unit-{Guid.NewGuid():N}";
    private GrainStorage storage = null!;

    private IGrainStateStore States => storage.States;

    private IEventLog Events => storage.Events;

    public async Task InitializeAsync() => storage = await OpenAsync();

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task Write_then_read_returns_payload_and_version()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        Assert.Equal(1, await States.WriteAsync(kind, "u1", 0, """{"x":1}"""));

        var grain = await States.ReadAsync(kind, "u1");
        Assert.NotNull(grain);
        Assert.Equal((kind, "u1", 1L, """{"x":1}"""), (grain.Kind, grain.Id, grain.Version, grain.Payload));
        Assert.Equal(TimeSpan.Zero, grain.Modified.Offset);
        Assert.InRange(grain.Modified, before, DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task Read_of_a_missing_grain_is_null() => Assert.Null(await States.ReadAsync(kind, "nobody"));

    [Fact]
    public async Task Write_with_the_current_version_bumps_it()
    {
        await States.WriteAsync(kind, "u1", 0, "a");

        Assert.Equal(2, await States.WriteAsync(kind, "u1", 1, "b"));
        Assert.Equal(3, await States.WriteAsync(kind, "u1", 2, "c"));

        var grain = await States.ReadAsync(kind, "u1");
        Assert.Equal((3L, "c"), (grain!.Version, grain.Payload));
    }

    [Fact]
    public async Task Write_with_a_stale_version_is_rejected_and_changes_nothing()
    {
        await States.WriteAsync(kind, "u1", 0, "a");
        await States.WriteAsync(kind, "u1", 1, "b");
        var before = await States.ReadAsync(kind, "u1");

        var conflict = await Assert.ThrowsAsync<GrainVersionConflictException>(() => States.WriteAsync(kind, "u1", 1, "stale"));

        Assert.Equal((kind, "u1", 1L), (conflict.Kind, conflict.Id, conflict.ExpectedVersion));
        Assert.Equal(before, await States.ReadAsync(kind, "u1"));
    }

    [Fact]
    public async Task Write_of_a_grain_never_created_with_a_nonzero_version_is_rejected()
    {
        await Assert.ThrowsAsync<GrainVersionConflictException>(() => States.WriteAsync(kind, "ghost", 3, "x"));
        Assert.Null(await States.ReadAsync(kind, "ghost"));
    }

    [Fact]
    public async Task Insert_over_an_existing_row_is_rejected()
    {
        await States.WriteAsync(kind, "u1", 0, "first");

        await Assert.ThrowsAsync<GrainVersionConflictException>(() => States.WriteAsync(kind, "u1", 0, "second"));

        var grain = await States.ReadAsync(kind, "u1");
        Assert.Equal((1L, "first"), (grain!.Version, grain.Payload));
    }

    [Fact]
    public async Task Read_all_returns_only_that_kind()
    {
        var other = kind + "-other";
        await States.WriteAsync(kind, "b", 0, "1");
        await States.WriteAsync(kind, "a", 0, "2");
        await States.WriteAsync(other, "c", 0, "3");

        var all = await States.ReadAllAsync(kind);

        Assert.Equal(["a", "b"], all.Select(g => g.Id).Order());
        Assert.All(all, g => Assert.Equal(kind, g.Kind));
    }

    [Fact]
    public async Task Chinese_text_round_trips()
    {
        const string name = "明月湖警务工作站";
        var payload = $$"""{"name":"{{name}}"}""";

        await States.WriteAsync(kind, name, 0, payload);
        await Events.AppendAsync(new GrainEvent(DateTimeOffset.UtcNow, "值班员", "派警", kind, name, name));

        Assert.Equal(payload, (await States.ReadAsync(kind, name))!.Payload);
        var logged = Assert.Single(await Events.ReadAsync(kind, name)).Event;
        Assert.Equal(("值班员", "派警", name), (logged.Actor, logged.What, logged.Data));
        Assert.Equal(name, Assert.Single(await States.ReadAllAsync(kind)).Id);
    }

    [Fact]
    public async Task Event_log_reads_back_by_grain_in_append_order()
    {
        var at = new DateTimeOffset(2030, 5, 1, 8, 0, 0, TimeSpan.FromHours(8));
        GrainEvent[] appended =
        [
            new(at, "alice", "created", kind, "u1", """{"x":1}"""),
            new(at.AddSeconds(-5), "bob", "moved", kind, "u1"),
            new(at, "alice", "created", kind, "u2"),
            new(at.AddSeconds(1), "carol", "deleted", kind, "u1"),
        ];
        foreach (var e in appended)
        {
            await Events.AppendAsync(e);
        }

        var logged = await Events.ReadAsync(kind, "u1");

        Assert.Equal([appended[0], appended[1], appended[3]], logged.Select(l => l.Event));
        Assert.True(logged[0].Sequence < logged[1].Sequence && logged[1].Sequence < logged[2].Sequence);
    }

    [Fact]
    public async Task Event_log_reads_back_by_time_in_time_order_up_to_the_limit()
    {
        // A year no other test writes in, so the shared database's other events stay out of the way.
        var since = new DateTimeOffset(2041, 3, 2, 9, 30, 0, 123, TimeSpan.FromHours(8)).AddTicks(4560);
        await Events.AppendAsync(new GrainEvent(since.AddMicroseconds(-1), "x", "too early", kind, "u1"));
        await Events.AppendAsync(new GrainEvent(since.AddMinutes(2), "x", "third", kind, "u1"));
        await Events.AppendAsync(new GrainEvent(since, "x", "first", kind, "u2"));
        await Events.AppendAsync(new GrainEvent(since.AddSeconds(1), "x", "second", kind, "u1"));

        var logged = await Events.ReadSinceAsync(since, limit: 10);
        Assert.Equal(["first", "second", "third"], logged.Select(l => l.Event.What));
        Assert.Equal(since, logged[0].Event.At); // same instant, to the microsecond
        Assert.Equal(TimeSpan.Zero, logged[0].Event.At.Offset); // read back as UTC

        Assert.Equal(["first", "second"], (await Events.ReadSinceAsync(since, limit: 2)).Select(l => l.Event.What));
    }

    [Fact]
    public async Task Data_survives_a_restart()
    {
        await States.WriteAsync(kind, "u1", 0, "a");
        await States.WriteAsync(kind, "u1", 1, "b");
        await Events.AppendAsync(new GrainEvent(DateTimeOffset.UtcNow, "alice", "moved", kind, "u1"));
        await storage.DisposeAsync();

        storage = await OpenAsync();

        var grain = await States.ReadAsync(kind, "u1");
        Assert.Equal((2L, "b"), (grain!.Version, grain.Payload));
        Assert.Equal(3, await States.WriteAsync(kind, "u1", 2, "c"));
        Assert.Equal("moved", Assert.Single(await Events.ReadAsync(kind, "u1")).Event.What);
    }

    [Fact]
    public async Task Concurrent_creates_of_one_grain_let_exactly_one_win()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            try
            {
                await States.WriteAsync(kind, "contested", 0, $"writer {i}");
                return true;
            }
            catch (GrainVersionConflictException)
            {
                return false;
            }
        }));

        Assert.Single(attempts, won => won);
        Assert.Equal(1, (await States.ReadAsync(kind, "contested"))!.Version);
    }

    [Fact]
    public async Task Concurrent_writes_to_many_grains_all_land()
    {
        var ids = Enumerable.Range(0, 200).Select(i => $"u{i}").ToList();

        await Task.WhenAll(ids.Select(async id =>
        {
            await States.WriteAsync(kind, id, 0, "created");
            await States.WriteAsync(kind, id, 1, "moved");
        }));

        var all = await States.ReadAllAsync(kind);
        Assert.Equal(200, all.Count);
        Assert.All(all, g => Assert.Equal((2L, "moved"), (g.Version, g.Payload)));
    }

    [Fact]
    public void Unknown_provider_is_a_clear_error()
    {
        var error = Assert.Throws<ArgumentException>(() => GrainStorage.Create("oracle", db.ConnectionString));
        Assert.Contains("'oracle'", error.Message);
    }

    private async Task<GrainStorage> OpenAsync()
    {
        var opened = GrainStorage.Create(db.Provider, db.ConnectionString);
        await opened.EnsureSchemaAsync(); // every test runs it again: it must be idempotent
        return opened;
    }
}
