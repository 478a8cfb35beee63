using System.Collections.Immutable;
using GridCommand.Contracts;
using GridCommand.Contracts.Auth;
using GridCommand.Rules.Auth;
using GridCommand.Web.Live;

namespace GridCommand.Web.Auth;

/// <summary>
/// This node's copy of the cluster's revocations, read by every authenticated request (a dictionary look-up: no grain
/// call or database read on the hot path). Filled at start by <see cref="RevocationSync"/> and kept current by the city's
/// change feed; a newly heard revocation also closes the hub connections its tokens opened.
/// </summary>
public sealed class TokenRevocations(IGrainFactory grains, SignedInConnections connections)
{
    private ImmutableDictionary<string, Revocation> _bySubject = ImmutableDictionary<string, Revocation>.Empty;

    public bool Voids(TokenClaims claims) => Voids(claims.RevocationSubject, claims.Issued);

    public bool Voids(string subject, DateTimeOffset issued) => _bySubject.TryGetValue(subject, out var revocation) && revocation.Voids(issued);

    public bool IsDisabled(string username) => _bySubject.TryGetValue(Revocation.OfUser(username), out var r) && r.Disabled;

    /// <summary>Records a revocation for the cluster, and applies it here at once (the other nodes hear of it from the feed).</summary>
    public async Task Revoke(string subject, bool disabled, TimeSpan tokenLifetime, string by) =>
        Apply([await grains.GetGrain<IRevocationsGrain>(CityKeys.City).Revoke(subject, disabled, tokenLifetime, by)]);

    public void Apply(IEnumerable<Revocation> revocations)
    {
        foreach (var revocation in revocations)
        {
            var applied = ImmutableInterlocked.AddOrUpdate(ref _bySubject, revocation.Subject, revocation,
                (_, known) => known.Seq >= revocation.Seq ? known : revocation);
            if (applied == revocation) connections.Close(revocation);
        }
    }
}
