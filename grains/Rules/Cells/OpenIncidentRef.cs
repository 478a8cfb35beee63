namespace GridCommand.Rules.Cells;

/// <summary>What a cell keeps of an open incident: enough to spot a repeat call without asking the incident.</summary>
public sealed record OpenIncidentRef(string Type, double Lat, double Lon, DateTimeOffset At);
