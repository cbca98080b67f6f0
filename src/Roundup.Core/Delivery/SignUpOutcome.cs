namespace Roundup.Delivery;

/// <summary>What a sign-up from the web found; only <see cref="Added"/> and <see cref="Resend"/> send a confirmation.</summary>
public enum SignUpOutcome
{
    /// <summary>A new address, now pending.</summary>
    Added,

    /// <summary>A pending address whose last confirmation is old enough to send another.</summary>
    Resend,

    /// <summary>A pending address that was sent a confirmation too recently: nothing is sent.</summary>
    TooSoon,

    /// <summary>An active subscriber: nothing is sent.</summary>
    AlreadyActive,

    /// <summary>An address on the suppression list (or unsubscribed, bounced, complained): nothing is stored or sent.</summary>
    Suppressed,
}
