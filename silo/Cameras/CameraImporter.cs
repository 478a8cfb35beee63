using GridCommand.Grains.Storage;
using GridCommand.Rules.Cameras;
using GridCommand.Rules.Geo;
using GridCommand.Silo.Storage;

namespace GridCommand.Silo.Cameras;

/// <summary>What an import did; <see cref="Rejected"/> lists the first <see cref="CameraImporter.MaxRejectedListed"/> refused rows.</summary>
public sealed record CameraImportResult(int Added, int Updated, int RejectedCount, IReadOnlyList<RejectedRow> Rejected);

/// <summary>
/// An import file into the catalogue: its good rows added or updated, its bad rows reported, the counts in the event log
/// as camera.imported (kind camera-catalogue). For the API and for Cameras:ImportFile.
/// </summary>
public static class CameraImporter
{
    /// <summary>The event log's kind and id for what happens to the catalogue as a whole.</summary>
    public const string CatalogueKind = "camera-catalogue", CatalogueId = "city";

    /// <summary>A file of 60,000 bad rows answers with the first ones and the count, not a 60,000-line list.</summary>
    public const int MaxRejectedListed = 1000;

    /// <returns>the counts, or null and the error when the file is no camera file at all.</returns>
    public static async Task<(CameraImportResult? Result, string? Error)> ImportAsync(
        string text, bool geoJson, CityGrid grid, GridDatabase database, string by, DateTimeOffset now, CancellationToken ct)
    {
        var file = CameraFile.Read(text, geoJson);
        if (file.Error is not null) return (null, file.Error);
        var checkedRows = CameraImport.Check(file, grid);
        var saved = await database.Cameras.SaveAsync(checkedRows.Cameras, now, ct);
        await database.Events.AppendAsync(new GrainEvent(now, by, "camera.imported", CatalogueKind, CatalogueId,
            $"added {saved.Added} updated {saved.Updated} rejected {checkedRows.Rejected.Count}"), ct);
        return (new CameraImportResult(saved.Added, saved.Updated, checkedRows.Rejected.Count, [.. checkedRows.Rejected.Take(MaxRejectedListed)]), null);
    }
}
