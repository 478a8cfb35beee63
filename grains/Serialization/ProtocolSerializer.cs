using System.Collections.Frozen;
using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;
using GridCommand.Grains.Messages;

namespace GridCommand.Grains.Serialization;

/// <summary>
/// The single serializer of the GridCommand protocol: System.Text.Json bodies, the type's short name as
/// manifest. Every concrete <see cref="IProtocolMessage"/> in this assembly is known by name, so a message
/// type that is not part of the protocol cannot cross the wire.
/// </summary>
public sealed class ProtocolSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    private static readonly FrozenDictionary<string, Type> TypesByManifest = typeof(IProtocolMessage).Assembly
        .GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IProtocolMessage).IsAssignableFrom(t))
        .ToFrozenDictionary(t => t.Name);

    public override int Identifier => 4711;

    /// <summary>The HOCON that binds the protocol to this serializer and refuses every unbound type.</summary>
    public static string Hocon => $$"""
        akka.actor {
          serializers.gridcommand = "{{typeof(ProtocolSerializer).AssemblyQualifiedName}}"
          serialization-bindings {
            "{{typeof(IProtocolMessage).FullName}}, {{typeof(IProtocolMessage).Assembly.GetName().Name}}" = gridcommand
          }
          serialization-settings.allow-unregistered-types = false
        }
        """;

    public override string Manifest(object o) => o.GetType().Name;

    public override byte[] ToBinary(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), GrainJson.Options);

    public override object FromBinary(byte[] bytes, string manifest) =>
        TypesByManifest.TryGetValue(manifest, out var type)
            ? JsonSerializer.Deserialize(bytes, type, GrainJson.Options)!
            : throw new System.Runtime.Serialization.SerializationException($"Unknown GridCommand message manifest '{manifest}'");
}
