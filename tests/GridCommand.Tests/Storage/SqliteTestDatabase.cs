using Microsoft.Data.Sqlite;

namespace GridCommand.Tests.Storage;

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"gc_test_{Guid.NewGuid():N}.db");

    public override string Provider => "sqlite";

    public override Task InitializeAsync()
    {
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools(); // pooled connections hold the file open
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
        return Task.CompletedTask;
    }
}
