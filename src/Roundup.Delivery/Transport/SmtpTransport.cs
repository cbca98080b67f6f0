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
#pragma warning disable CA2000 // disposed below on failure; owned by the client once connected
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
#pragma warning restore CA2000
        try
        {
            transport._client.Timeout = (int)relay.Timeout.TotalMilliseconds;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(relay.Timeout);
                await socket.ConnectAsync(relay.Host, relay.Port, timeout.Token);
            }

            // The client owns the socket from here and closes it on disconnect.
            await transport._client.ConnectAsync(socket, relay.Host, relay.Port, Options(relay.Security), cancellationToken);
            if (!string.IsNullOrEmpty(relay.User))
            {
                await transport._client.AuthenticateAsync(relay.User, relay.Password ?? "", cancellationToken);
            }

            return transport;
        }
        catch (AuthenticationException e)
        {
            await transport.DisposeAsync();
            socket.Dispose();
            throw new DeliveryException($"{relay} refused the credentials of Mail:Smtp:User: {RelayAnswer.Scrub(e.Message)}", e);
        }
        catch (Exception e) when (e is SslHandshakeException or NotSupportedException)
        {
            await transport.DisposeAsync();
            socket.Dispose();
            throw new DeliveryException($"cannot secure the connection to {relay}: {e.Message}; check Mail:Smtp:Security and Port", e);
        }
        catch
        {
            await transport.DisposeAsync();
            socket.Dispose();
            throw;
        }
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
