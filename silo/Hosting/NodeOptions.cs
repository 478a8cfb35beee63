namespace GridCommand.Silo.Hosting;

/// <summary>The "Cluster" section: where this node listens, whom it joins, what it hosts.</summary>
public sealed class ClusterOptions
{
    public string SystemName { get; set; } = "gridcommand";
    public string Hostname { get; set; } = "127.0.0.1";
    /// <summary>0 picks a free port: fine for a single node that is its own seed.</summary>
    public int Port { get; set; }
    /// <summary>akka.tcp://gridcommand@host:port addresses; empty means "form a cluster of one with myself".</summary>
    public List<string> SeedNodes { get; set; } = [];
    public List<string> Roles { get; set; } = [];
    /// <summary>false makes a proxy-only node (a web front beside headless silos).</summary>
    public bool HostShards { get; set; } = true;
    public int Shards { get; set; } = 100;
    public TimeSpan PassivateIdleAfter { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>How often each node's change feed publishes a batch to the screens.</summary>
    public TimeSpan ChangeBatchInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}

/// <summary>The "Storage" section: "sqlite" (embedded default) or "postgres".</summary>
public sealed class StorageOptions
{
    public string Provider { get; set; } = "sqlite";
    public string ConnectionString { get; set; } = "Data Source=gridcommand.db";
}

/// <summary>The "City" section: generated square cells over a box, or real grid polygons from a GeoJSON file.</summary>
public sealed class CityOptions
{
    public double South { get; set; } = 32.30;
    public double West { get; set; } = 119.33;
    public double North { get; set; } = 32.46;
    public double East { get; set; } = 119.52;
    public double CellMeters { get; set; } = 500;
    public string? GeoJsonPath { get; set; }
}
