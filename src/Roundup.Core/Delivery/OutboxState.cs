namespace Roundup.Delivery;

/// <summary>
/// The state of one (issue, subscriber) message. A row moves Pending → Sending (committed before the relay is
/// spoken to) → Sent (committed right after its 250), or to Deferred (4xx; retried later), Failed (5xx or too many
/// attempts) or Suppressed (the subscriber left before the message went).
/// </summary>
public enum OutboxState
{
    Pending,
    Sending,
    Sent,
    Deferred,
    Failed,
    Suppressed,
}
