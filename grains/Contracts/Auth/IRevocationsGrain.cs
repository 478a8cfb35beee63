using GridCommand.Rules.Auth;

namespace GridCommand.Contracts.Auth;

/// <summary>
/// The cluster's token revocations (key <see cref="CityKeys.City"/>): a re-enrolled unit's old tokens, a disabled user's.
/// Saved before answering, then sent to every web node with the city's changes; a web node loads them all when it starts,
/// so it checks each token against its own copy without a call per request.
/// </summary>
public interface IRevocationsGrain : IGrainWithStringKey
{
    /// <summary>Voids the subject's tokens issued until now and disables or enables it; kept as long as such a token lives.</summary>
    Task<Revocation> Revoke(string subject, bool disabled, TimeSpan tokenLifetime, string by);

    Task<IReadOnlyList<Revocation>> All();
}
