namespace Roundup.Testing.Smtp;

/// <summary>How the test SMTP server protects its connections.</summary>
public enum SmtpSinkTls
{
    /// <summary>Plain text; STARTTLS is not offered.</summary>
    None,

    /// <summary>STARTTLS offered and required: every command but EHLO, NOOP, STARTTLS and QUIT is refused before it.</summary>
    StartTls,

    /// <summary>TLS from the first byte, as on port 465.</summary>
    Implicit,
}
