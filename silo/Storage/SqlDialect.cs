using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GridCommand.Silo.Storage;

/// <summary>
/// Everything that differs between SQLite and PostgreSQL. The statements themselves are shared:
/// both speak <c>@name</c> parameters, <c>ON CONFLICT ... DO NOTHING</c> and <c>LIMIT</c>.
/// </summary>
internal sealed record SqlDialect(
    string Provider,
    Func<string, DbDataSource> CreateDataSource,
    string SchemaFile,
    string? SessionSql,
    Action<string>? ReleasePool)
{
    // SQLite concurrency: a pooled connection per call (Microsoft.Data.Sqlite pools by default),
    // no lock in our code. SQLite lets one writer in at a time; busy_timeout makes a contending
    // writer wait inside SQLite (short sleeps) instead of failing, WAL keeps readers off the
    // writer's back, and synchronous=NORMAL in WAL mode syncs at checkpoints, not every commit.
    // Unlike an in-process SemaphoreSlim this also holds when two processes share the file.
    // synchronous and busy_timeout are per connection, so they run on every open: no I/O, cheap.
    public static readonly SqlDialect Sqlite = new(
        "sqlite",
        connectionString => SqliteFactory.Instance.CreateDataSource(connectionString),
        "sqlite.sql",
        "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;",
        connectionString => SqliteConnection.ClearPool(new SqliteConnection(connectionString)));

    public static readonly SqlDialect Postgres = new("postgres", PostgresDataSource, "postgresql.sql", null, null);

    public static SqlDialect For(string provider) => provider.Trim().ToLowerInvariant() switch
    {
        "sqlite" => Sqlite,
        "postgres" or "postgresql" => Postgres,
        _ => throw new ArgumentException(
            $"Unknown storage provider '{provider}': use \"sqlite\" or \"postgres\".", nameof(provider)),
    };

    // Npgsql's default pool (100) is PostgreSQL's default max_connections: a burst of parallel actor
    // writes would take every server slot and then fail. A smaller pool queues the burst client-side
    // (each write holds a connection for one statement). An explicit Maximum Pool Size wins.
    private const int DefaultPostgresPoolSize = 20;

    private static DbDataSource PostgresDataSource(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // ToString lists only the keywords the caller set, under their canonical names.
        if (!builder.ToString().Contains("Maximum Pool Size=", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = DefaultPostgresPoolSize;
        }
        return NpgsqlDataSource.Create(builder);
    }

    public string ReadSchema()
    {
        var name = $"GridCommand.Sql.{SchemaFile}";
        using var stream = typeof(SqlDialect).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded schema {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
