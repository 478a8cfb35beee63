using GridCommand.Contracts;
using GridCommand.Contracts.Auth;
using GridCommand.Rules.Auth;

namespace GridCommand.Grains.Auth;

public sealed class RevocationsGrain(
    [PersistentState(GrainKinds.Revocations, GrainKinds.Storage)] IPersistentState<RevocationState> state, GridServices services)
    : GridGrain<RevocationState>(state, services, GrainKinds.Revocations), IRevocationsGrain
{
    public async Task<Revocation> Revoke(string subject, bool disabled, TimeSpan tokenLifetime, string by)
    {
        var revocation = State.Revoke(subject, disabled, Runtime.Now, tokenLifetime);
        await Save(disabled ? "access.disabled" : "access.tokens-revoked", by, subject);
        Feed.TokensRevoked(revocation);
        return revocation;
    }

    public Task<IReadOnlyList<Revocation>> All() => Task.FromResult<IReadOnlyList<Revocation>>(State.Entries.ToList());
}
