namespace Roundup.Delivery.Transport;

/// <summary>How the relay answered one message.</summary>
public enum SendOutcome
{
    /// <summary>2xx: the relay took the message.</summary>
    Accepted,

    /// <summary>4xx: try again later.</summary>
    Transient,

    /// <summary>5xx to the recipient (RCPT): the address does not work, unless the relay says so of every address.</summary>
    RecipientRejected,

    /// <summary>5xx to the message itself (DATA or its end): the relay refuses what we send, to anyone; the run stops.</summary>
    Rejected,
}
