using GridCommand.Rules.Coverage;
using GridCommand.Rules.Units;

namespace GridCommand.Grains.Coverage;

/// <summary>
/// A unit grain's coverage: after each change of the unit, works out its reach (only an available, on-duty unit with a
/// fresh fix has one) and leaves what changed for its cells in the silo's mailbox; the whole reach again every refresh
/// interval. In memory: a reactivated unit sends its whole reach, and cells forget entries no one refreshes.
/// </summary>
public sealed class UnitCoverageSender(GridRuntime runtime, ICoverageMailbox mailbox)
{
    private readonly UnitCoverage _told = new(runtime.Coverage);
    /// <summary>
    /// The entries' sequence: the clock's ticks, never going back. Not the unit's own seq, which a unit brought back after
    /// its silo died may restore a little behind what its cells last heard, so they would ignore it (a withdrawal too).
    /// </summary>
    private long _seq;

    /// <summary>The unit moved or changed status.</summary>
    public void Update(UnitState unit) => Send(unit, _told.RefreshDue(runtime.Now));

    /// <summary>The unit sent a fix that changed nothing: its reach goes again only when a refresh is due.</summary>
    public void RefreshIfDue(UnitState unit)
    {
        if (_told.RefreshDue(runtime.Now)) Send(unit, refresh: true);
    }

    private void Send(UnitState unit, bool refresh)
    {
        var reach = Covers(unit) && unit.LastFix is { } fix ? runtime.Reach.Of(fix.Position, unit.Kind) : null;
        var changes = _told.Changes(reach, refresh, runtime.Now);
        if (changes.Count == 0) return;
        _seq = Math.Max(_seq + 1, runtime.Now.UtcTicks);
        foreach (var (cellId, eta) in changes) mailbox.Tell(cellId, new CoverageEntry(unit.UnitId, _seq, eta));
    }

    private static bool Covers(UnitState unit) => unit.Status == DutyStatus.Available && !unit.Stale && unit.LastFix is not null;
}
