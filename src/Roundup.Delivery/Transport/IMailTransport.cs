using MimeKit;

namespace Roundup.Delivery.Transport;

/// <summary>
/// One connection to where messages go. Answers become <see cref="SendResult"/>s; a lost or refused connection is an
/// exception, after which <see cref="IsConnected"/> is false and the sender opens a new one.
/// </summary>
public interface IMailTransport : IAsyncDisposable
{
    bool IsConnected { get; }

    Task<SendResult> SendAsync(MimeMessage message, MailboxAddress sender, MailboxAddress recipient, CancellationToken cancellationToken);
}
