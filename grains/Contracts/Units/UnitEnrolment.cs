using GridCommand.Rules.Units;

namespace GridCommand.Contracts.Units;

/// <param name="DeviceKeyHash">only the salted hash of the device key travels and is stored</param>
[GenerateSerializer, Immutable]
public sealed record UnitEnrolment(UnitKind Kind, string Name, string? StationId, string? PostName, string? Team, string DeviceKeyHash, string By);
