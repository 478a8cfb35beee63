using GridCommand.Rules.Units;

namespace GridCommand.Grains.Storage;

/// <summary>A unit's newest fix as the journal keeps it, with the unit's sequence number at the time.</summary>
public sealed record JournaledFix(PositionFix Fix, long Seq);

/// <summary>
/// Where positions are saved: not one grain write per fix, but the newest fix of every unit that moved, in one
/// batch per silo at least every <see cref="GrainSettings.PositionSaveInterval"/>, and once more when the silo stops.
/// </summary>
public interface IPositionJournal
{
    /// <summary>Notes the unit's newest fix; never waits for the database.</summary>
    void Record(string unitId, PositionFix fix, long seq);

    /// <returns>the newest fix saved for the unit, or null.</returns>
    Task<JournaledFix?> Read(string unitId);
}
