namespace Roundup.Delivery.Transport;

/// <summary>How the relay answered one message.</summary>
public enum SendOutcome
{
    /// <summary>2xx: the relay took the message.</summary>
    Accepted,

    /// <summary>4xx: try again later.</summary>
    Transient,

    /// <summary>5xx to the recipient: the address does not work; it is suppressed.</summary>
    RecipientRejected,

    /// <summary>5xx to the message itself: recorded as failed, the address is not blamed.</summary>
    Rejected,
}
