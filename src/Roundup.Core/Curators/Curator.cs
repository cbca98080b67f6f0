namespace Roundup.Curators;

/// <summary>
/// Someone who may sign in to the desk: a name, the hash of a password (none until one is set through a one-time
/// sign-in link), and the failed sign-ins that lock the account for a while.
/// </summary>
public sealed record Curator(long Id, string Name, string? PasswordHash, DateTimeOffset Created, int FailedSignIns, DateTimeOffset? LockedUntil)
{
    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
