namespace Roundup.Publishing.Email;

/// <summary>What differs between subscribers' copies: the greeting's name (none for "Hello,") and the personal unsubscribe link.</summary>
public sealed record EmailPersonalisation(string? Name, Uri UnsubscribeUrl);
