using GridCommand.Grains;
using GridCommand.Grains.Storage;
using GridCommand.Rules.Tracks;
using Microsoft.Extensions.Logging;

namespace GridCommand.Silo.Storage;

/// <summary>
/// The silo's track recorder: units hand it their sampled points (no database write per point), it packs each
/// into its piece as it comes, and every <see cref="TrackSettings.SaveInterval"/> it saves the pieces that grew in
/// one transaction, so a crash loses less than the interval. A piece is let go once its bucket is over and saved.
/// Every <see cref="TrackSettings.PruneInterval"/> it deletes the tracks older than <see cref="TrackSettings.Retention"/>.
/// </summary>
public sealed partial class TrackRecorder(TrackTable table, TrackSettings settings, TimeProvider clock, ILogger<TrackRecorder> log)
    : ITrackRecorder, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>A fix may arrive this late and still find its piece open (else it opens a piece of its own).</summary>
    private static readonly TimeSpan LateFixes = TimeSpan.FromMinutes(2);

    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<(string Unit, long Bucket, int Tile), TrackCodec.Writer> _open = new();
    private HashSet<(string Unit, long Bucket, int Tile)> _grown = new();
    private Task _running = Task.CompletedTask;

    public TimeSpan SampleInterval => settings.SampleInterval;

    public void Record(string unitId, TrackPoint point)
    {
        var bucket = TrackGrid.Bucket(point.At);
        var key = (unitId, bucket, TrackGrid.Tile(point.Lat, point.Lon));
        lock (_lock)
        {
            if (!_open.TryGetValue(key, out var writer))
                _open[key] = writer = new TrackCodec.Writer(DateTimeOffset.FromUnixTimeSeconds(bucket));
            writer.Append(point);
            _grown.Add(key);
        }
    }

    /// <summary>Saves the pieces that grew since the last save; what fails to save is tried again next time.</summary>
    public async Task SaveAsync()
    {
        List<((string Unit, long Bucket, int Tile) Key, TrackCodec.Writer Writer)> grown;
        List<TrackPiece> batch;
        lock (_lock)
        {
            if (_grown.Count == 0) return;
            grown = [.. _grown.Select(key => (key, _open[key]))];
            batch = [.. grown.Select(g => Piece(g.Key, g.Writer))];
            _grown = new();
            ForgetEndedPieces();
        }
        try
        {
            await table.SaveAsync(batch);
        }
        catch (Exception e)
        {
            LogNotSaved(log, batch.Count, e);
            lock (_lock)
            {
                foreach (var (key, writer) in grown)
                {
                    _open.TryAdd(key, writer);
                    _grown.Add(key);
                }
            }
        }
    }

    /// <summary>Deletes the tracks older than the retention period.</summary>
    public async Task PruneAsync()
    {
        try
        {
            var deleted = await table.PruneAsync(clock.GetUtcNow() - settings.Retention);
            if (deleted > 0) LogPruned(log, deleted, settings.Retention);
        }
        catch (Exception e)
        {
            LogNotPruned(log, e);
        }
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(TrackRecorder), ServiceLifecycleStage.ApplicationServices, _ =>
        {
            _running = Task.WhenAll(
                Task.Run(() => PeriodicWork.Every(settings.SaveInterval, SaveAsync, _stop.Token, clock)),
                Task.Run(() => PeriodicWork.Every(settings.PruneInterval, PruneAsync, _stop.Token, clock)));
            return Task.CompletedTask;
        }, async _ =>
        {
            await _stop.CancelAsync();
            await _running;
            await SaveAsync();
        });

    private static TrackPiece Piece((string Unit, long Bucket, int Tile) key, TrackCodec.Writer writer) =>
        new(key.Unit, key.Bucket, key.Tile, writer.First.ToUnixTimeMilliseconds(), writer.Count, writer.ToArray());

    /// <summary>
    /// Lets go of the pieces whose bucket is over (allowing for late fixes): each was saved before or is in the save
    /// under way, which puts it back if it fails.
    /// </summary>
    private void ForgetEndedPieces()
    {
        var ended = (clock.GetUtcNow() - LateFixes - TrackGrid.BucketLength).ToUnixTimeSeconds();
        foreach (var key in _open.Keys.Where(k => k.Bucket < ended).ToList()) _open.Remove(key);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not save {Count} track pieces; they are kept for the next try")]
    private static partial void LogNotSaved(ILogger logger, int count, Exception e);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} track pieces older than {Retention}")]
    private static partial void LogPruned(ILogger logger, int count, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete old tracks; trying again at the next prune")]
    private static partial void LogNotPruned(ILogger logger, Exception e);
}
