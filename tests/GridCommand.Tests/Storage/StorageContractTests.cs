using System.Text;
using GridCommand.Grains.Storage;
using GridCommand.Rules.Geo;
using GridCommand.Rules.Units;
using GridCommand.Silo.Storage;
using Xunit;

namespace GridCommand.Tests.Storage;

public sealed class SqliteStorageContractTests(SqliteTestDatabase db) : StorageContract(db), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresStorageContractTests(PostgresTestDatabase db) : StorageContract(db), IClassFixture<PostgresTestDatabase>;

/// <summary>
/// The database contract, run once per provider: the schema the app creates at start, the grain storage queries
/// Orleans runs against it (optimistic concurrency), the event log, the position journal's table and the stored
/// states read models start from. The test classes share a database, so every test works under its own grain kind.
/// </summary>
public abstract class StorageContract(TestDatabase db) : IAsyncLifetime
{
    private readonly string kind = $"unit-{Guid.NewGuid():N}";
    private GridDatabase database = null!;
    private OrleansStorageQueries orleans = null!;

    private IEventLog Events => database.Events;

    public async Task InitializeAsync()
    {
        database = await OpenAsync();
        orleans = new OrleansStorageQueries(db);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_new_grain_is_written_at_version_1_and_read_back()
    {
        Assert.Equal(1, await orleans.Write(kind, "u1", null, Json("""{"x":1}""")));

        var (payload, version) = (await orleans.Read(kind, "u1"))!.Value;
        Assert.Equal(("""{"x":1}""", 1), (Encoding.UTF8.GetString(payload!), version));
    }

    [Fact]
    public async Task A_grain_never_written_reads_as_nothing() => Assert.Null(await orleans.Read(kind, "nobody"));

    [Fact]
    public async Task A_write_naming_the_current_version_bumps_it()
    {
        await orleans.Write(kind, "u1", null, Json("a"));

        Assert.Equal(2, await orleans.Write(kind, "u1", 1, Json("b")));
        Assert.Equal(3, await orleans.Write(kind, "u1", 2, Json("c")));

        Assert.Equal(3, (await orleans.Read(kind, "u1"))!.Value.Version);
    }

    [Fact]
    public async Task A_write_naming_a_stale_version_changes_nothing_and_returns_no_version()
    {
        await orleans.Write(kind, "u1", null, Json("a"));
        await orleans.Write(kind, "u1", 1, Json("b"));

        Assert.Null(await orleans.Write(kind, "u1", 1, Json("stale")));

        var (payload, version) = (await orleans.Read(kind, "u1"))!.Value;
        Assert.Equal(("b", 2), (Encoding.UTF8.GetString(payload!), version));
    }

    [Fact]
    public async Task A_second_first_write_of_one_grain_is_refused()
    {
        await orleans.Write(kind, "u1", null, Json("first"));

        Assert.Null(await orleans.Write(kind, "u1", null, Json("second")));

        Assert.Equal("first", Encoding.UTF8.GetString((await orleans.Read(kind, "u1"))!.Value.Payload!));
    }

    [Fact]
    public async Task Concurrent_first_writes_of_one_grain_let_exactly_one_win()
    {
        var versions = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => orleans.Write(kind, "contested", null, Json($"writer {i}"))));

        Assert.Single(versions, v => v == 1);
        Assert.Equal(1, (await orleans.Read(kind, "contested"))!.Value.Version);
    }

    [Fact]
    public async Task Concurrent_writes_to_many_grains_all_land_and_read_models_see_them()
    {
        var ids = Enumerable.Range(0, 200).Select(i => $"u{i:D3}").ToList();

        await Task.WhenAll(ids.Select(async id =>
        {
            await orleans.Write(kind, id, null, Json("\"created\""));
            await orleans.Write(kind, id, 1, Json("\"moved\""));
        }));

        var stored = await database.Grains.ReadAllAsync(kind);
        Assert.Equal(ids, stored.Select(g => g.Id));
        Assert.All(stored, g => Assert.Equal((2L, "moved"), (g.Version, g.State<string>())));
    }

    [Fact]
    public async Task Read_models_see_only_their_kind_of_their_service()
    {
        await orleans.Write(kind, "b", null, Json("1"));
        await orleans.Write(kind, "a", null, Json("2"));
        await orleans.Write(kind + "-other", "c", null, Json("3"));
        await new OrleansStorageQueries(db, serviceId: "another-city").Write(kind, "d", null, Json("4"));

        Assert.Equal(["a", "b"], (await database.Grains.ReadAllAsync(kind)).Select(g => g.Id));
    }

    [Fact]
    public async Task Chinese_text_and_a_64_character_key_round_trip()
    {
        const string name = "明月湖警务工作站";
        var key = new string('K', 64);
        var payload = $$"""{"name":"{{name}}"}""";

        await orleans.Write(kind, key, null, Json(payload));
        await Events.AppendAsync(new GrainEvent(DateTimeOffset.UtcNow, "值班员", "派警", kind, key, name));

        Assert.Equal(payload, Encoding.UTF8.GetString((await orleans.Read(kind, key))!.Value.Payload!));
        var logged = Assert.Single(await Events.ReadAsync(kind, key)).Event;
        Assert.Equal(("值班员", "派警", name), (logged.Actor, logged.What, logged.Data));
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
    public async Task The_position_journal_keeps_each_units_newest_fix_whatever_order_the_batches_land_in()
    {
        var t0 = new DateTimeOffset(2030, 5, 1, 8, 0, 0, TimeSpan.Zero);
        var (u1, u2) = ($"{kind}-1", $"{kind}-2");
        JournaledFix Fix(double lat, DateTimeOffset at, long seq) => new(new PositionFix(new GeoPoint(lat, 119.4), at, 30, 90, 5), seq);

        await database.Positions.SaveAsync([new(u1, Fix(32.40, t0.AddSeconds(10), 5)), new(u2, Fix(32.41, t0, 2))]);
        await database.Positions.SaveAsync([new(u1, Fix(32.39, t0, 3)), new(u2, Fix(32.42, t0.AddSeconds(5), 4))]);

        Assert.Equal(Fix(32.40, t0.AddSeconds(10), 5), await database.Positions.ReadAsync(u1));
        Assert.Equal(Fix(32.42, t0.AddSeconds(5), 4), await database.Positions.ReadAsync(u2));
        Assert.Null(await database.Positions.ReadAsync($"{kind}-never"));
    }

    [Fact]
    public async Task Data_survives_a_restart_and_the_schema_is_made_again_without_harm()
    {
        await orleans.Write(kind, "u1", null, Json("a"));
        await orleans.Write(kind, "u1", 1, Json("b"));
        await Events.AppendAsync(new GrainEvent(DateTimeOffset.UtcNow, "alice", "moved", kind, "u1"));
        await database.DisposeAsync();

        database = await OpenAsync();

        Assert.Equal(2, (await orleans.Read(kind, "u1"))!.Value.Version);
        Assert.Equal(3, await orleans.Write(kind, "u1", 2, Json("c")));
        Assert.Equal("moved", Assert.Single(await Events.ReadAsync(kind, "u1")).Event.What);
    }

    [Fact]
    public void Unknown_provider_is_a_clear_error()
    {
        var error = Assert.Throws<ArgumentException>(() => GridDatabase.Create("oracle", db.ConnectionString, "gridcommand"));
        Assert.Contains("'oracle'", error.Message);
    }

    private static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);

    private async Task<GridDatabase> OpenAsync()
    {
        var opened = GridDatabase.Create(db.Provider, db.ConnectionString, "gridcommand");
        await opened.EnsureSchemaAsync(clustering: true); // every test runs it again: it must be idempotent
        return opened;
    }
}
