namespace Roundup.Delivery.Subscribers;

/// <summary>What following a confirmation or unsubscribe link did, for the page or command that shows it.</summary>
public sealed record LinkOutcome(bool Done, long? SubscriberId, string Message);
