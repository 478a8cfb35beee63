using GridCommand.Rules.Volunteers;

namespace GridCommand.Contracts.Volunteers;

/// <summary>An order's newest view for the phones: <paramref name="Notify"/> are the volunteers told of it (and the claimer).</summary>
[GenerateSerializer, Immutable]
public sealed record VolunteerOrderChange(VolunteerOrder Order, IReadOnlyList<string> Notify);
