namespace Roundup.Delivery;

/// <summary>Why an address must not be written to again.</summary>
public enum SuppressionReason
{
    Unsubscribed,

    /// <summary>The relay refused the recipient permanently (5xx).</summary>
    Bounced,
    Complained,
}
