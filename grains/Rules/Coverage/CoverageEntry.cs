namespace GridCommand.Rules.Coverage;

/// <summary>
/// What a unit tells one cell: it reaches the cell's centre in <paramref name="EtaSeconds"/>, or (null) no longer does.
/// <paramref name="Seq"/> grows with every entry the unit sends: entries may arrive out of order, the newest wins.
/// </summary>
public sealed record CoverageEntry(string UnitId, long Seq, int? EtaSeconds);
