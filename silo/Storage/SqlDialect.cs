using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GridCommand.Silo.Storage;

/// <summary>
/// Everything that differs between SQLite and PostgreSQL. Our own statements are shared: both speak
/// <c>@name</c> parameters, <c>ON CONFLICT</c> upserts and <c>LIMIT</c>.
/// </summary>
/// <param name="OrleansInvariant">the ADO.NET invariant Orleans' providers take for this database</param>
/// <param name="SchemaLock">taken inside the schema transaction, so silos starting together create it once</param>
internal sealed record SqlDialect(
    string Provider,
    string OrleansInvariant,
    Func<string, DbDataSource> CreateDataSource,
    string SchemaFile,
    string? ClusteringSchemaFile,
    string? SchemaLock,
    string? SessionSql,
    Action<string>? ReleasePool)
{
    // SQLite concurrency: a pooled connection per call, no lock in our code. SQLite lets one writer in at a
    // time; busy_timeout makes a contending writer wait inside SQLite instead of failing, WAL keeps readers off
    // the writer's back, and synchronous=NORMAL in WAL mode syncs at checkpoints, not every commit. These are
    // per connection, so they run on every open of ours (Orleans' writes carry the pragma in their query).
    // "System.Data.SQLite" is the name under which Orleans' ADO.NET providers load Microsoft.Data.Sqlite.
    public static readonly SqlDialect Sqlite = new(
        "sqlite",
        "System.Data.SQLite",
        connectionString => SqliteFactory.Instance.CreateDataSource(connectionString),
        "sqlite.sql",
        null,
        null,
        "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;",
        connectionString => SqliteConnection.ClearPool(new SqliteConnection(connectionString)));

    public static readonly SqlDialect Postgres = new(
        "postgres",
        "Npgsql",
        PostgresDataSource,
        "postgresql.sql",
        "postgresql-clustering.sql",
        "SELECT pg_advisory_xact_lock(20221002)",
        null,
        null);

    public static SqlDialect For(string provider) => provider.Trim().ToLowerInvariant() switch
    {
        "sqlite" => Sqlite,
        "postgres" or "postgresql" => Postgres,
        _ => throw new ArgumentException(
            $"Unknown storage provider '{provider}': use \"sqlite\" or \"postgres\".", nameof(provider)),
    };

    // Npgsql's default pool (100) is PostgreSQL's default max_connections: a burst of parallel grain
    // writes would take every server slot and then fail. A smaller pool queues the burst client-side
    // (each write holds a connection for one statement). A node has two pools (Orleans' storage and membership,
    // and the event log with the journal), so ten each lets five nodes share PostgreSQL's default 100 slots.
    // An explicit Maximum Pool Size wins.
    private const int DefaultPostgresPoolSize = 10;

    public static string WithDefaultPoolSize(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // ToString lists only the keywords the caller set, under their canonical names.
        if (!builder.ToString().Contains("Maximum Pool Size=", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = DefaultPostgresPoolSize;
        }
        return builder.ToString();
    }

    private static DbDataSource PostgresDataSource(string connectionString) =>
        NpgsqlDataSource.Create(WithDefaultPoolSize(connectionString));

    public static string ReadScript(string file)
    {
        var name = $"GridCommand.Sql.{file}";
        using var stream = typeof(SqlDialect).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded schema {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
