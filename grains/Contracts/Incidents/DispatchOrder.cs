namespace GridCommand.Contracts.Incidents;

/// <param name="UnitId">the unit to send; null for the top recommendation</param>
/// <param name="Backup">another unit to an incident that already has one</param>
/// <param name="OverrideDiversion">send police to a matter diverted to another department</param>
[GenerateSerializer, Immutable]
public sealed record DispatchOrder(string? UnitId, string? RequestId, bool Backup, bool OverrideDiversion, string By);
