using Roundup.Delivery;

namespace Roundup.Storage;

/// <summary>How every provider's delivery tables spell states and reasons, and which status a suppression gives.</summary>
internal static class DeliverySpelling
{
    public const string SubscriberColumns = "s.id, s.email, s.name, s.status, s.created, s.confirmed";

    public const string OutboxColumns = "o.week, o.subscriber_id, o.state, o.attempts, o.next_attempt, o.message_id, o.last_answer, o.updated";

    public static string Name(SubscriberStatus status) => status.ToString().ToLowerInvariant();

    public static string Name(OutboxState state) => state.ToString().ToLowerInvariant();

    public static string Name(SuppressionReason reason) => reason.ToString().ToLowerInvariant();

    public static OutboxState StateOf(string name) => Enum.Parse<OutboxState>(name, ignoreCase: true);

    /// <summary>A mailing's counts from its rows counted by state (a state with no row counts 0).</summary>
    public static DeliveryCounts Counts(IEnumerable<(OutboxState State, int Count)> byState)
    {
        var counts = byState.ToDictionary(c => c.State, c => c.Count);
        int Of(OutboxState state) => counts.GetValueOrDefault(state);
        return new DeliveryCounts(Of(OutboxState.Pending), Of(OutboxState.Sending), Of(OutboxState.Sent), Of(OutboxState.Deferred), Of(OutboxState.Failed), Of(OutboxState.Suppressed));
    }

    public static SubscriberStatus StatusOf(SuppressionReason reason) => reason switch
    {
        SuppressionReason.Unsubscribed => SubscriberStatus.Unsubscribed,
        SuppressionReason.Bounced => SubscriberStatus.Bounced,
        _ => SubscriberStatus.Complained,
    };
}
