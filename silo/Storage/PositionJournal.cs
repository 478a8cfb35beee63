using GridCommand.Grains;
using GridCommand.Grains.Storage;
using GridCommand.Rules.Units;
using Microsoft.Extensions.Logging;

namespace GridCommand.Silo.Storage;

/// <summary>
/// The silo's position journal: units note their newest fix here (no database write per fix), and every half
/// <see cref="GrainSettings.PositionSaveInterval"/> the fixes noted since go to the database in one transaction,
/// so a crash loses less than the interval. The silo's stop saves the rest.
/// </summary>
public sealed partial class PositionJournal(PositionTable table, GrainSettings settings, ILogger<PositionJournal> log)
    : IPositionJournal, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private Dictionary<string, JournaledFix> _noted = new();
    private Task _saving = Task.CompletedTask;

    public void Record(string unitId, PositionFix fix, long seq)
    {
        lock (_lock) _noted[unitId] = new JournaledFix(fix, seq);
    }

    public async Task<JournaledFix?> Read(string unitId)
    {
        lock (_lock)
        {
            if (_noted.TryGetValue(unitId, out var noted)) return noted;
        }
        return await table.ReadAsync(unitId);
    }

    /// <summary>Saves what was noted since the last save; what fails to save is kept for the next try.</summary>
    public async Task SaveAsync()
    {
        Dictionary<string, JournaledFix> batch;
        lock (_lock)
        {
            if (_noted.Count == 0) return;
            (batch, _noted) = (_noted, new());
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
                foreach (var (unitId, fix) in batch) _noted.TryAdd(unitId, fix); // a newer fix noted meanwhile wins
            }
        }
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PositionJournal), ServiceLifecycleStage.ApplicationServices, _ =>
        {
            _saving = Task.Run(() => PeriodicWork.Every(settings.PositionSaveInterval / 2, SaveAsync, _stop.Token));
            return Task.CompletedTask;
        }, async _ =>
        {
            await _stop.CancelAsync();
            await _saving;
            await SaveAsync();
        });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not save {Count} unit positions; they are kept for the next try")]
    private static partial void LogNotSaved(ILogger logger, int count, Exception e);
}
