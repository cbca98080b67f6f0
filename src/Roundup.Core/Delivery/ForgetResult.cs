namespace Roundup.Delivery;

/// <summary>
/// What erasing an address did: the subscriber it was (none when the address was not a subscriber), how many outbox
/// rows went with it, and whether its hash was already on the suppression list.
/// </summary>
public sealed record ForgetResult(long? SubscriberId, int OutboxRows, bool WasSuppressed);
