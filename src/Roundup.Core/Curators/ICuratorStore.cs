namespace Roundup.Curators;

/// <summary>The curators' accounts. Names are compared without regard to case.</summary>
public interface ICuratorStore
{
    /// <summary>Adds a curator, with a password hash or none; null when the name is taken.</summary>
    Task<Curator?> AddAsync(string name, string? passwordHash, CancellationToken cancellationToken = default);

    Task<Curator?> GetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Every curator, by name.</summary>
    Task<IReadOnlyList<Curator>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes the curator; false when there was none of that name.</summary>
    Task<bool> RemoveAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Sets the password hash; false when there is no curator of that name.</summary>
    Task<bool> SetPasswordAsync(string name, string passwordHash, CancellationToken cancellationToken = default);

    /// <summary>Keeps the hash of a one-time sign-in token until <paramref name="expires"/>, replacing an earlier one.</summary>
    Task<bool> SetSignInTokenAsync(string name, string tokenHash, DateTimeOffset expires, CancellationToken cancellationToken = default);

    /// <summary>
    /// Uses a one-time sign-in token: the curator whose token has this hash and has not expired at <paramref name="now"/>,
    /// with the token forgotten in the same statement (so two uses cannot both succeed); null otherwise.
    /// </summary>
    Task<Curator?> UseSignInTokenAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Counts a failed sign-in and, with <paramref name="lockUntil"/>, locks the account until then; returns the count.</summary>
    Task<int> RecordFailedSignInAsync(string name, DateTimeOffset? lockUntil, CancellationToken cancellationToken = default);

    /// <summary>Clears the failures and the lock after a successful sign-in.</summary>
    Task ResetFailedSignInsAsync(string name, CancellationToken cancellationToken = default);
}
