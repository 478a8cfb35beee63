using GridCommand.Rules;
using Orleans.Storage;

namespace GridCommand.Silo.Storage;

/// <summary>Grain state is stored as the rules' JSON (<see cref="GrainJson"/>): readable in the database and by read models.</summary>
public sealed class JsonGrainStorageSerializer : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => new(GrainJson.SerializeToUtf8Bytes(input));

    public T Deserialize<T>(BinaryData input) => GrainJson.Deserialize<T>(input.ToMemory().Span);
}
