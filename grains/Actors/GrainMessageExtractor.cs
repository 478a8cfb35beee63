using Akka.Cluster.Sharding;
using GridCommand.Grains.Messages;

namespace GridCommand.Grains.Actors;

/// <summary>Routes every <see cref="IGrainMessage"/> by its entity id over a fixed number of shards.</summary>
public sealed class GrainMessageExtractor(int shards) : HashCodeMessageExtractor(shards)
{
    public override string? EntityId(object message) => (message as IGrainMessage)?.EntityId;
}
