using Akka.Configuration;
using GridCommand.Grains.Serialization;

namespace GridCommand.Silo.Hosting;

/// <summary>The node's Akka configuration, built in code from <see cref="ClusterOptions"/>.</summary>
public static class ClusterHocon
{
    /// <summary>The role of nodes that host shards; proxy-only nodes lack it.</summary>
    public const string ShardRole = "shards";

    public static Config Build(ClusterOptions o)
    {
        var roles = o.Roles.Concat(o.HostShards ? [ShardRole] : []).Distinct().Select(Quote);
        var seeds = o.SeedNodes.Select(Quote);
        return ConfigurationFactory.ParseString($$"""
            akka {
              loglevel = WARNING
              stdout-loglevel = WARNING
              actor.provider = cluster
              remote.dot-netty.tcp {
                hostname = {{Quote(o.Hostname)}}
                port = {{o.Port}}
              }
              cluster {
                seed-nodes = [{{string.Join(", ", seeds)}}]
                roles = [{{string.Join(", ", roles)}}]
                downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
                split-brain-resolver {
                  active-strategy = keep-majority
                  stable-after = 15s
                }
                sharding {
                  role = {{ShardRole}}
                  state-store-mode = ddata
                  remember-entities = off
                  passivate-idle-entity-after = {{(int)o.PassivateIdleAfter.TotalSeconds}}s
                  distributed-data.durable.keys = []
                }
              }
              # The host owns shutdown: CoordinatedShutdown runs from the hosted service, not the CLR hook.
              coordinated-shutdown {
                run-by-clr-shutdown-hook = off
                exit-clr = off
              }
            }
            """).WithFallback(ConfigurationFactory.ParseString(ProtocolSerializer.Hocon));
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
