namespace Roundup.Delivery;

/// <summary>A claimed outbox row with the subscriber it goes to: what a sender needs to build and send the message.</summary>
public sealed record OutboxItem(OutboxRow Row, Subscriber Subscriber)
{
    /// <summary>Claimed from a sender whose lease ran out: the relay may already have this message (same Message-ID).</summary>
    public bool Resumed { get; init; }
}
