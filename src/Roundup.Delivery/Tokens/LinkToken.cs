namespace Roundup.Delivery.Tokens;

/// <summary>What a valid token says: who, for what, for which issue (empty for a confirmation) and until when.</summary>
public sealed record LinkToken(TokenPurpose Purpose, long SubscriberId, string Week, DateTimeOffset Expires);
