namespace Roundup.Delivery.Transport;

/// <summary>How the connection to the relay is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>STARTTLS, required: a relay that does not offer it is refused.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    Tls,

    /// <summary>STARTTLS when offered, plain otherwise.</summary>
    StartTlsWhenAvailable,

    /// <summary>Plain text: only for a relay on this machine.</summary>
    None,
}
