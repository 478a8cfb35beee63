using Orleans.Storage;

namespace GridCommand.Silo.Storage;

/// <summary>Orleans' ADO.NET grain storage, with every grain stored under the text of its id (<see cref="StorageKeys"/>).</summary>
public sealed class TextKeyGrainStorage(IGrainStorage inner) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, Stored(grainId), grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.WriteStateAsync(stateName, Stored(grainId), grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, Stored(grainId), grainState);

    private static GrainId Stored(GrainId grainId)
    {
        var key = grainId.Key.ToString();
        var stored = StorageKeys.Of(key);
        return ReferenceEquals(stored, key) ? grainId : GrainId.Create(grainId.Type, stored);
    }
}
