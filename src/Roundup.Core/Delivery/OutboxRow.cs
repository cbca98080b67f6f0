namespace Roundup.Delivery;

/// <summary>
/// One message of a mailing to one subscriber. <see cref="MessageId"/> is fixed when the row is created, so a message
/// resent after an uncertain crash carries the same id and the receiver can tell it is the same message.
/// <see cref="LastAnswer"/> is the relay's last answer with any address removed.
/// </summary>
public sealed record OutboxRow(
    MailingKey Mailing,
    long SubscriberId,
    OutboxState State,
    int Attempts,
    DateTimeOffset? NextAttempt,
    string MessageId,
    string? LastAnswer,
    DateTimeOffset Updated);
