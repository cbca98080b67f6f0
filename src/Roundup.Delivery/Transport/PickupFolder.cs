using MimeKit;

namespace Roundup.Delivery.Transport;

/// <summary>
/// The embedded default: each message becomes <c>{Message-ID}.eml</c> in a folder, for a local mail system or a
/// person to pick up. The file is written beside and renamed into place, so it is whole or absent, and a message
/// resent after a crash replaces its own file rather than adding a copy.
/// </summary>
public sealed class PickupFolder(string folder) : IMailTransportFactory, IMailTransport
{
    public string Description => $"pickup folder {Path.GetFullPath(folder)}";

    public bool IsConnected => true;

    public Task<IMailTransport> ConnectAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        return Task.FromResult<IMailTransport>(this);
    }

    public async Task<SendResult> SendAsync(MimeMessage message, MailboxAddress sender, MailboxAddress recipient, CancellationToken cancellationToken)
    {
        var name = FileName(message.MessageId ?? throw new ArgumentException("the message has no Message-ID", nameof(message)));
        var final = Path.Combine(folder, name);
        var partial = Path.Combine(folder, "." + name + ".tmp");
        await using (var stream = File.Create(partial))
        {
            await message.WriteToAsync(stream, cancellationToken);
        }

        File.Move(partial, final, overwrite: true);
        return SendResult.Accepted($"written to {name}");
    }

    public static string FileName(string messageId) =>
        string.Concat(messageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' ? c : '_')) + ".eml";

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
