namespace GridCommand.Rules.Lockdown;

/// <summary>A checkpoint (检查站) or an emergency blocking point (应急堵控点); on the wire "checkpoint", "blocking-point".</summary>
public enum PointKind { Checkpoint, BlockingPoint }

/// <summary>The three rings of the "close the city gates" plan: 环城防控圈 (city), 环城区封控圈 (urban), 环核心堵控圈 (core).</summary>
public enum Ring { City, Urban, Core }

/// <summary>One place a plan staffs with a unit.</summary>
public sealed record LockdownPoint(string Id, string Name, PointKind Kind, Ring Ring, double Lat, double Lon);

/// <summary>A point as typed in a request or in configuration, before it is checked: kind and ring as wire names.</summary>
public sealed record LockdownPointInput(string? Id, string? Name, string? Kind, string? Ring, double? Lat, double? Lon);
