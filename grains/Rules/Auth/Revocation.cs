namespace GridCommand.Rules.Auth;

/// <summary>
/// "Tokens of <see cref="Subject"/> issued before <see cref="Before"/> are void", and while <see cref="Disabled"/> all of
/// them are (a disabled user may not sign in either). Kept until <see cref="KeepUntil"/>, when every token it could void
/// has expired anyway. <see cref="Seq"/> orders the revocations of one subject, so a late copy never undoes a newer one.
/// </summary>
public sealed record Revocation(string Subject, DateTimeOffset Before, bool Disabled, DateTimeOffset KeepUntil, long Seq)
{
    public static string OfUnit(string unitId) => $"unit:{unitId}";

    public static string OfUser(string username) => $"user:{username}";

    public bool Voids(DateTimeOffset issued) => Disabled || issued < Before;
}

/// <summary>The cluster's revocations, as the revocations grain keeps them.</summary>
public sealed class RevocationState
{
    public List<Revocation> Entries { get; set; } = [];
    public long Seq { get; set; }

    /// <summary>
    /// Voids every token of <paramref name="subject"/> issued until <paramref name="now"/>, and disables or enables it;
    /// kept for <paramref name="tokenLifetime"/> (while enabled). Forgets what no longer voids a living token.
    /// </summary>
    public Revocation Revoke(string subject, bool disabled, DateTimeOffset now, TimeSpan tokenLifetime)
    {
        var revocation = new Revocation(subject, now, disabled, now + tokenLifetime, ++Seq);
        Entries.RemoveAll(r => r.Subject == subject || (!r.Disabled && r.KeepUntil <= now));
        Entries.Add(revocation);
        return revocation;
    }
}
