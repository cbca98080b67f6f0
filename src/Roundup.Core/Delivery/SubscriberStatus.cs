namespace Roundup.Delivery;

/// <summary>
/// Where a subscriber stands. Only <see cref="Active"/> subscribers receive issues; the last three are also on the
/// suppression list, which imports never override.
/// </summary>
public enum SubscriberStatus
{
    /// <summary>Added, waiting for the confirmation link to be followed (double opt-in).</summary>
    Pending,
    Active,
    Unsubscribed,
    Bounced,
    Complained,
}
