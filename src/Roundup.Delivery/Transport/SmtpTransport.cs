using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Roundup.Delivery.Transport;

/// <summary>
/// One MailKit connection to the relay, over a socket we open ourselves so Nagle's algorithm can be switched off
/// (SMTP is a chatty request-answer protocol: NoDelay saves a delayed-ACK wait per command).
/// </summary>
public sealed class SmtpTransport : IMailTransport
{
    private readonly SmtpClient _client = new();

    private SmtpTransport()
    {
    }

    public bool IsConnected => _client.IsConnected;

    public static async Task<SmtpTransport> ConnectAsync(SmtpRelay relay, CancellationToken cancellationToken)
    {
        var transport = new SmtpTransport();
        var certificate = new ServerCertificateCheck(relay.Host, relay.TrustedCertificate);
        transport._client.ServerCertificateValidationCallback = certificate.Validate;
#pragma warning disable CA2000 // disposed below on failure; owned by the client once connected
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
#pragma warning restore CA2000
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            transport._client.Timeout = (int)relay.Timeout.TotalMilliseconds;

            // One limit for the whole greeting: a TLS handshake with a relay that speaks plain text can wait forever.
            timeout.CancelAfter(relay.Timeout);
            await socket.ConnectAsync(relay.Host, relay.Port, timeout.Token);

            // The client owns the socket from here and closes it on disconnect.
            await transport._client.ConnectAsync(socket, relay.Host, relay.Port, Options(relay.Security), timeout.Token);
            if (!string.IsNullOrEmpty(relay.User))
            {
                await transport._client.AuthenticateAsync(relay.User, relay.Password ?? "", timeout.Token);
            }

            return transport;
        }
        catch (Exception e)
        {
            await transport.DisposeAsync();
            socket.Dispose();
            if (cancellationToken.IsCancellationRequested && certificate.Problem is null)
            {
                // The caller stopped us (e.g. another connection of the run failed): not the relay's fault, and not an
                // error that may hide the one that stopped the run.
                throw new OperationCanceledException($"connecting to {relay} was cancelled", e, cancellationToken);
            }

            if (Explain(e, relay, certificate, timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested) is { } explained)
            {
                throw explained;
            }

            throw;
        }
    }

    /// <summary>What went wrong while connecting, in words naming the setting to change; null to let the exception through.</summary>
    private static Exception? Explain(Exception e, SmtpRelay relay, ServerCertificateCheck certificate, bool timedOut) => e switch
    {
        _ when certificate.Problem is { } problem =>
            new DeliveryException($"cannot secure the connection to {relay}: {problem}", e),
        // MailKit wraps a cancelled handshake in SslHandshakeException, so the clock is asked, not the type.
        _ when timedOut => new TimeoutException(
            $"the relay did not complete the greeting within {relay.Timeout.TotalSeconds:0.#} s (Mail:Smtp:TimeoutSeconds)"
            + (relay.Security == SmtpSecurity.Tls ? "; Mail:Smtp:Security Tls expects TLS from the first byte (usually port 465): a relay that starts in plain text needs StartTls" : ""),
            e),
        AuthenticationException =>
            new DeliveryException($"{relay} refused the credentials of Mail:Smtp:User: {RelayAnswer.Scrub(e.Message)}", e),
        NotSupportedException when relay.Security == SmtpSecurity.StartTls =>
            new DeliveryException($"{relay} does not offer STARTTLS, and Mail:Smtp:Security StartTls requires it: check Mail:Smtp:Port, use Tls for a relay that speaks TLS from the first byte, or None only for a relay on this machine", e),
        SslHandshakeException when relay.Security == SmtpSecurity.Tls =>
            new DeliveryException($"no TLS handshake with {relay} ({Cause(e)}): Mail:Smtp:Security Tls expects TLS from the first byte (usually port 465); a relay that greets in plain text (ports 25, 587) needs StartTls", e),
        SslHandshakeException or NotSupportedException =>
            new DeliveryException($"cannot secure the connection to {relay}: {Summary(e)}; check Mail:Smtp:Security and Port", e),
        _ => null,
    };

    /// <summary>MailKit's handshake messages run to paragraphs; the first sentence and the innermost cause are enough.</summary>
    private static string Summary(Exception e)
    {
        var first = e.Message.ReplaceLineEndings(" ").Split(". ", 2)[0].TrimEnd('.');
        return e.InnerException is null ? first : $"{first} ({Cause(e)})";
    }

    private static string Cause(Exception e)
    {
        var cause = e;
        while (cause.InnerException is not null)
        {
            cause = cause.InnerException;
        }

        return cause.Message.ReplaceLineEndings(" ").Split(". ", 2)[0].TrimEnd('.');
    }

    public async Task<SendResult> SendAsync(MimeMessage message, MailboxAddress sender, MailboxAddress recipient, CancellationToken cancellationToken)
    {
        try
        {
            return SendResult.Accepted("250 " + await _client.SendAsync(message, sender, [recipient], cancellationToken));
        }
        catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.SenderNotAccepted && (int)e.StatusCode >= 500)
        {
            throw new DeliveryException($"the relay refuses the sender address: {(int)e.StatusCode} {RelayAnswer.Scrub(e.Message)}; check Mail:From", e);
        }
        catch (SmtpCommandException e)
        {
            var code = (int)e.StatusCode;
            var outcome = code is >= 400 and < 500 ? SendOutcome.Transient
                : e.ErrorCode == SmtpErrorCode.RecipientNotAccepted ? SendOutcome.RecipientRejected
                : SendOutcome.Rejected;
            return new SendResult(outcome, code, $"{code} {RelayAnswer.Scrub(e.Message)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _client.DisconnectAsync(quit: true, quick.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or SmtpProtocolException or SmtpCommandException or ObjectDisposedException)
        {
            // Leaving anyway: the relay has every message it acknowledged.
        }

        _client.Dispose();
    }

    private static SecureSocketOptions Options(SmtpSecurity security) => security switch
    {
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        _ => SecureSocketOptions.None,
    };
}
