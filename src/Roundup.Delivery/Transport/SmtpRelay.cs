namespace Roundup.Delivery.Transport;

/// <summary>Where and how to reach the SMTP relay.</summary>
public sealed record SmtpRelay(string Host, int Port, SmtpSecurity Security = SmtpSecurity.StartTls)
{
    public string? User { get; init; }

    public string? Password { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Roots trusted beside the system store, for a relay with a private CA or a self-signed certificate.</summary>
    public CertificateTrust? TrustedCertificate { get; init; }

    public override string ToString() => $"smtp://{Host}:{Port} ({Security}{(string.IsNullOrEmpty(User) ? "" : ", with credentials")})";
}
