using GridCommand.Rules.Checkins;

namespace GridCommand.Grains.Storage;

/// <summary>The check-ins' history (the checkin table): every check-in, for paging a cell's and counting a station's.</summary>
public interface ICheckinStore
{
    /// <summary>Keeps the check-in; one already kept under its id is left as it is.</summary>
    Task AddAsync(Checkin checkin, CancellationToken ct = default);
}
