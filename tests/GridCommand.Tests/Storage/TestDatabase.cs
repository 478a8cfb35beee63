using Xunit;

namespace GridCommand.Tests.Storage;

/// <summary>A throwaway database for one test class: created before its first test, removed after its last.</summary>
public abstract class TestDatabase : IAsyncLifetime
{
    public abstract string Provider { get; }

    public string ConnectionString { get; protected set; } = "";

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();
}
