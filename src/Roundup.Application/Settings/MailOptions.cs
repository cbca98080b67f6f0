using MimeKit;
using Roundup.Delivery.Messages;
using Roundup.Delivery.Sending;
using Roundup.Delivery.Tokens;
using Roundup.Delivery.Transport;

namespace Roundup.Application.Settings;

/// <summary>
/// The configuration section <c>Mail</c>: who sends, where messages go (<c>Sender</c> = pickup, the embedded default
/// writing .eml files, or smtp), the signing secret of the links, and the pace of a delivery run.
/// </summary>
public sealed class MailOptions
{
    /// <summary>pickup (write .eml files to <see cref="PickupDir"/>) or smtp (the relay in <see cref="Smtp"/>).</summary>
    public string Sender { get; init; } = "pickup";

    public string PickupDir { get; init; } = Path.Combine("out", "mail");

    /// <summary>The From mailbox, e.g. <c>Roundup &lt;roundup@example.org&gt;</c>; Message-IDs use its domain.</summary>
    public string From { get; init; } = "Roundup <roundup@example.org>";

    /// <summary>An address that takes mailto unsubscribes (added to List-Unsubscribe); none when empty.</summary>
    public string? UnsubscribeMailbox { get; init; }

    /// <summary>Where the confirm and unsubscribe pages are served; Publish:SiteUrl when empty.</summary>
    public string? LinkBase { get; init; }

    /// <summary>The HMAC secret of the links, at least 32 characters; required for smtp.</summary>
    public string? Secret { get; init; }

    /// <summary>With pickup and no Secret: a generated key is kept in this file (owner-only) and reused.</summary>
    public string LinkKeyFile { get; init; } = "roundup.linkkey";

    public int ConfirmDays { get; init; } = 7;

    public int UnsubscribeDays { get; init; } = 365;

    public int Connections { get; init; } = 4;

    /// <summary>0 for no limit.</summary>
    public double MessagesPerSecond { get; init; }

    public int Retries { get; init; } = 3;

    public double RetryDelaySeconds { get; init; } = 2;

    public int MaxAttempts { get; init; } = 5;

    public double DeferMinutes { get; init; } = 15;

    public double WaitForDeferredSeconds { get; init; }

    /// <summary>How long outbox rows a send claims stay its own unrenewed: a killed sender's rows are taken over by another after it.</summary>
    public double LeaseSeconds { get; init; } = new DeliveryOptions().Lease.TotalSeconds;

    /// <summary>Recipients refused in a row with the same answer that count as the relay refusing us (the run stops, nobody is suppressed); 0 believes every refusal.</summary>
    public int SameRefusalsInARow { get; init; } = new DeliveryOptions().SameRefusalsInARow;

    public SmtpOptions Smtp { get; init; } = new();

    [System.Text.Json.Serialization.JsonIgnore]
    public bool UsesSmtp => string.Equals(Sender, "smtp", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<string> Validate()
    {
        if (!UsesSmtp && !string.Equals(Sender, "pickup", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"Mail:Sender '{Sender}' is not known (use pickup or smtp)";
        }

        if (!MailboxAddress.TryParse(From, out var from) || !Roundup.Delivery.Addresses.EmailAddress.IsValid(from.Address))
        {
            yield return $"Mail:From '{From}' is not a mailbox such as 'Roundup <roundup@example.org>'";
        }

        if (!string.IsNullOrEmpty(UnsubscribeMailbox) && !Roundup.Delivery.Addresses.EmailAddress.IsValid(UnsubscribeMailbox))
        {
            yield return $"Mail:UnsubscribeMailbox '{UnsubscribeMailbox}' is not an e-mail address";
        }

        if (!string.IsNullOrEmpty(LinkBase) && (!Uri.TryCreate(LinkBase, UriKind.Absolute, out var link) || link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp))
        {
            yield return $"Mail:LinkBase '{LinkBase}' is not an absolute http(s) URL";
        }

        if (!string.IsNullOrEmpty(Secret) && System.Text.Encoding.UTF8.GetByteCount(Secret) < TokenSigner.MinimumSecretBytes)
        {
            yield return $"Mail:Secret must be at least {TokenSigner.MinimumSecretBytes} characters long";
        }

        if (UsesSmtp)
        {
            if (string.IsNullOrEmpty(Secret))
            {
                yield return "Mail:Secret is required with Mail:Sender smtp (a long random string; it signs the confirm and unsubscribe links)";
            }

            foreach (var error in Smtp.Validate())
            {
                yield return error;
            }
        }

        foreach (var error in DeliverySettings().Validate())
        {
            yield return "Mail: " + error;
        }

        if (ConfirmDays < 1 || UnsubscribeDays < 1)
        {
            yield return "Mail:ConfirmDays and Mail:UnsubscribeDays must be at least 1";
        }
    }

    public DeliveryOptions DeliverySettings() => new()
    {
        Connections = Connections,
        MessagesPerSecond = MessagesPerSecond,
        Retries = Retries,
        RetryDelay = TimeSpan.FromSeconds(RetryDelaySeconds),
        MaxAttempts = MaxAttempts,
        DeferDelay = TimeSpan.FromMinutes(DeferMinutes),
        WaitForDeferred = TimeSpan.FromSeconds(WaitForDeferredSeconds),
        Lease = TimeSpan.FromSeconds(LeaseSeconds),
        SameRefusalsInARow = SameRefusalsInARow,
    };

    public IMailTransportFactory Transport() => UsesSmtp ? new SmtpTransportFactory(Smtp.Relay()) : new PickupFolder(PickupDir);

    public MailingList List(Uri siteUrl) =>
        new(MailboxAddress.Parse(From), string.IsNullOrEmpty(LinkBase) ? siteUrl : new Uri(LinkBase), string.IsNullOrEmpty(UnsubscribeMailbox) ? null : UnsubscribeMailbox)
        {
            ConfirmLifetime = TimeSpan.FromDays(ConfirmDays),
            UnsubscribeLifetime = TimeSpan.FromDays(UnsubscribeDays),
        };

    /// <summary>The link signer: Mail:Secret, or for the pickup default a generated secret kept in <see cref="LinkKeyFile"/>.</summary>
    public TokenSigner Signer(TimeProvider time) =>
        !string.IsNullOrEmpty(Secret) ? TokenSigner.FromSecret(Secret, time) : new TokenSigner(Roundup.Delivery.Tokens.SecretFile.LoadOrCreate(LinkKeyFile), time);

    /// <summary>The section <c>Mail:Smtp</c>, so that <c>ROUNDUP_Mail__Smtp__Host</c> sets the relay's host.</summary>
    public sealed class SmtpOptions
    {
        public string Host { get; init; } = "";

        public int Port { get; init; } = 587;

        public string? User { get; init; }

        public string? Password { get; init; }

        /// <summary>StartTls (required), Tls (from the first byte), StartTlsWhenAvailable, or None (a relay on this machine).</summary>
        public string Security { get; init; } = nameof(SmtpSecurity.StartTls);

        public double TimeoutSeconds { get; init; } = 60;

        /// <summary>A PEM (one or more certificates) or DER file trusted beside the system store: the relay's private CA or its self-signed certificate.</summary>
        public string? TrustedCertificate { get; init; }

        public IEnumerable<string> Validate()
        {
            if (string.IsNullOrWhiteSpace(Host))
            {
                yield return "Mail:Smtp:Host is required with Mail:Sender smtp";
            }

            if (Port is < 1 or > 65535)
            {
                yield return $"Mail:Smtp:Port {Port} is not a TCP port";
            }

            if (!Enum.TryParse<SmtpSecurity>(Security, ignoreCase: true, out _))
            {
                yield return $"Mail:Smtp:Security '{Security}' is not known (use StartTls, Tls, StartTlsWhenAvailable or None)";
            }

            if (!string.IsNullOrEmpty(User) && string.IsNullOrEmpty(Password))
            {
                yield return "Mail:Smtp:Password is required with Mail:Smtp:User";
            }

            if (TimeoutSeconds <= 0)
            {
                yield return "Mail:Smtp:TimeoutSeconds must be more than 0";
            }

            if (TrustedCertificateProblem() is { } problem)
            {
                yield return problem;
            }
        }

        private string? TrustedCertificateProblem()
        {
            if (string.IsNullOrEmpty(TrustedCertificate))
            {
                return null;
            }

            try
            {
                CertificateTrust.Load(TrustedCertificate);
                return null;
            }
            catch (InvalidDataException e)
            {
                return e.Message;
            }
        }

        public SmtpRelay Relay() => new(Host, Port, Enum.Parse<SmtpSecurity>(Security, ignoreCase: true))
        {
            User = string.IsNullOrEmpty(User) ? null : User,
            Password = Password,
            Timeout = TimeSpan.FromSeconds(TimeoutSeconds),
            TrustedCertificate = string.IsNullOrEmpty(TrustedCertificate) ? null : CertificateTrust.Load(TrustedCertificate),
        };
    }
}
