namespace GridCommand.Rules.Cells;

/// <summary>A cell's grid worker (网格员): the resident the station works disputes and visits through.</summary>
public sealed record GridWorker(string Name, string? Phone);
