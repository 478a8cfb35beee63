using Npgsql;

namespace GridCommand.Tests.Storage;

/// <summary>A fresh database per test class on the server named by GRIDCOMMAND_TEST_PG, dropped afterwards.</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private const string DefaultServer = "Host=127.0.0.1;Port=5433;Username=postgres;Database=postgres";

    private readonly string server = Environment.GetEnvironmentVariable("GRIDCOMMAND_TEST_PG") is { Length: > 0 } s ? s : DefaultServer;
    private readonly string name = $"gc_test_{Guid.NewGuid():N}";

    public override string Provider => "postgres";

    public override async Task InitializeAsync()
    {
        try
        {
            // template0 + UTF8 so the test database holds Chinese text whatever the server's default is.
            await ExecuteOnServerAsync($"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'");
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL is not reachable at '{server}' ({e.Message}). Run ./test.sh at the repository root: " +
                "it installs PostgreSQL if needed and starts a throwaway server on 127.0.0.1:5433. " +
                "Or point GRIDCOMMAND_TEST_PG at a server where this user may CREATE DATABASE.", e);
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    public override async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    /// <summary>Runs SQL in this test database, as an operator (or a failing disk) would behind the app's back.</summary>
    public Task ExecuteAsync(string sql) => Execute(ConnectionString, sql);

    /// <summary>
    /// Makes the database refuse the rows of <paramref name="table"/> that match <paramref name="when"/> (a trigger raising
    /// <paramref name="error"/> before each <paramref name="operation"/>) until the returned handle is disposed.
    /// </summary>
    public async Task<IAsyncDisposable> Refuse(string operation, string table, string when, string error)
    {
        var name = $"refuse_{Guid.NewGuid():N}";
        await ExecuteAsync($"""
            CREATE FUNCTION {name}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION '{error}'; END $$ LANGUAGE plpgsql;
            CREATE TRIGGER {name} BEFORE {operation} ON {table} FOR EACH ROW WHEN ({when}) EXECUTE FUNCTION {name}();
            """);
        return new Undo(() => ExecuteAsync($"DROP TRIGGER {name} ON {table}"));
    }

    private sealed class Undo(Func<Task> undo) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await undo();
    }

    private Task ExecuteOnServerAsync(string sql) => Execute(server, sql);

    private static async Task Execute(string connectionString, string sql)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }
}
