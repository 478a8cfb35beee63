namespace GridCommand.Rules.Stations;

/// <summary>Street workstation (警务工作站) or community police room (警务室).</summary>
public enum StationKind { Workstation, PoliceRoom }
