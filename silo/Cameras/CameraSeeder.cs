using GridCommand.Grains;
using GridCommand.Rules.Cameras;
using GridCommand.Rules.Geo;
using GridCommand.Silo.Demo;
using GridCommand.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GridCommand.Silo.Cameras;

/// <summary>
/// At start, the cameras of Cameras:ImportFile (CSV or GeoJSON by its extension) and, with the simulated city, the
/// demo's cameras go into the catalogue, added or updated by id: starting again changes nothing. Retried while the
/// database is not there yet (a client node starting before its silos made the schema).
/// </summary>
public sealed partial class CameraSeeder(GridDatabase database, CityGrid grid, CameraSettings settings, IConfiguration config, TimeProvider clock,
    ILogger<CameraSeeder> log) : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        if (settings.ImportFile is { Length: > 0 } file) await UntilDone(() => ImportFile(file, stop), stop);
        if (config.GetValue<bool>("Simulation:Enabled")) await UntilDone(() => database.Cameras.SaveAsync(DemoCameras.Of(grid), clock.GetUtcNow(), stop), stop);
    }

    /// <summary>A file that is not there or not a camera file is a mistake in the configuration: not tried again.</summary>
    private Task UntilDone(Func<Task> work, CancellationToken stop) =>
        StartupWork.UntilDone(work, RetryAfter, e => e is not (InvalidDataException or IOException) && !stop.IsCancellationRequested,
            e => LogNotYet(log, RetryAfter.TotalSeconds, e), stop);

    private async Task ImportFile(string file, CancellationToken stop)
    {
        var (result, error) = await CameraImporter.ImportAsync(await File.ReadAllTextAsync(file, stop), CameraFile.IsGeoJson(null, file), grid,
            database, $"config:{Path.GetFileName(file)}", clock.GetUtcNow(), stop);
        if (error is not null) throw new InvalidDataException($"Cameras:ImportFile {file}: {error}");
        LogImported(log, file, result!.Added, result.Updated, result.RejectedCount,
            string.Join("; ", result.Rejected.Take(10).Select(r => $"line {r.Line}: {r.Reason}")));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cameras:ImportFile {File}: {Added} added, {Updated} updated, {Rejected} rejected {First}")]
    private static partial void LogImported(ILogger logger, string file, int added, int updated, int rejected, string first);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cameras not seeded yet, trying again in {Seconds} s")]
    private static partial void LogNotYet(ILogger logger, double seconds, Exception e);
}
