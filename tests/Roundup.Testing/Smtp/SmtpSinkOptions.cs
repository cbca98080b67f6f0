namespace Roundup.Testing.Smtp;

/// <summary>
/// How the test SMTP server behaves: 451 once for some addresses, 550 for others, one answer to every RCPT or every
/// message (a relay that refuses us), a stall after N messages, AUTH, and TLS (STARTTLS required, or TLS from the first
/// byte) with a certificate and key given as PEM files.
/// </summary>
public sealed record SmtpSinkOptions
{
    public IReadOnlyList<string> FailOnce { get; init; } = [];

    public IReadOnlyList<string> Reject { get; init; } = [];

    /// <summary>The answer to every RCPT TO (after <see cref="Reject"/>), e.g. "554 5.7.1 Relay access denied".</summary>
    public string? RefuseRecipients { get; init; }

    /// <summary>The answer at the end of every DATA, e.g. "554 5.7.1 policy": nothing is stored.</summary>
    public string? RefuseData { get; init; }

    /// <summary>After this many delivered messages, DATA is never answered (the message is not stored).</summary>
    public int? StallAfter { get; init; }

    /// <summary>"user:password" the server requires (AUTH PLAIN/LOGIN; offered only after STARTTLS when <see cref="Tls"/> is StartTls).</summary>
    public string? Auth { get; init; }

    /// <summary>Accept and count, write nothing: a sink for benchmarks.</summary>
    public bool Discard { get; init; }

    public SmtpSinkTls Tls { get; init; }

    /// <summary>The server's certificate (PEM), required with <see cref="Tls"/>.</summary>
    public string? CertificatePem { get; init; }

    /// <summary>The certificate's unencrypted private key (PEM), required with <see cref="Tls"/>.</summary>
    public string? KeyPem { get; init; }
}
