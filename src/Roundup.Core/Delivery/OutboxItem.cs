namespace Roundup.Delivery;

/// <summary>A claimed outbox row with the subscriber it goes to: what a sender needs to build and send the message.</summary>
public sealed record OutboxItem(OutboxRow Row, Subscriber Subscriber);
