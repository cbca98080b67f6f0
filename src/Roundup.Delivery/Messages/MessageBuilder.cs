using MimeKit;
using Roundup.Delivery.Addresses;
using Roundup.Delivery.Tokens;

namespace Roundup.Delivery.Messages;

/// <summary>
/// Builds the MIME message for an outbox row: multipart/alternative (text, then HTML), the row's fixed Message-ID,
/// and the personal one-click unsubscribe headers of RFC 8058 (<c>List-Unsubscribe</c> with an HTTPS link and, when
/// configured, a mailto; <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c>). Subjects and names with line
/// breaks are refused, so nothing the content or a subscriber supplies can add a header.
/// </summary>
public sealed class MessageBuilder(MailingList list, TokenSigner signer, TimeProvider time)
{
    public MailingList List => list;

    public Uri UnsubscribeUrl(long subscriberId, string week) =>
        Link("unsubscribe", signer.Create(TokenPurpose.Unsubscribe, subscriberId, week, list.UnsubscribeLifetime));

    public Uri ConfirmUrl(long subscriberId) =>
        Link("confirm", signer.Create(TokenPurpose.Confirm, subscriberId, "", list.ConfirmLifetime));

    public MimeMessage Build(OutboxItem item, IMessageContent content)
    {
        var subscriber = item.Subscriber;
        var token = signer.Create(TokenPurpose.Unsubscribe, subscriber.Id, item.Row.Mailing.ToString(), list.UnsubscribeLifetime);
        var unsubscribe = Link("unsubscribe", token);
        var body = content.For(subscriber, unsubscribe);
        var message = Envelope(subscriber, body.Subject, item.Row.MessageId);
        var mailto = list.UnsubscribeMailbox is { } mailbox ? $", <mailto:{mailbox}?subject=unsubscribe%20{token}>" : "";
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe.AbsoluteUri}>{mailto}");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("List-Id", $"{list.DisplayName} <{list.ListId}>");
        message.Headers.Add("Precedence", "bulk");
        message.Body = new BodyBuilder { TextBody = body.Text, HtmlBody = body.Html }.ToMessageBody();
        return message;
    }

    /// <summary>The double opt-in message: the link that turns a pending subscriber active.</summary>
    public MimeMessage BuildConfirmation(Subscriber subscriber)
    {
        var link = ConfirmUrl(subscriber.Id);
        var days = (int)list.ConfirmLifetime.TotalDays;
        var message = Envelope(subscriber, $"Confirm your subscription to {list.DisplayName}", $"confirm.{subscriber.Id}.{Guid.NewGuid():N}@{list.Domain}");
        var text = $"Someone, hopefully you, asked to receive {list.DisplayName} at this address.\n\nTo confirm, open this link within {days} days:\n{link.AbsoluteUri}\n\nIf it was not you, ignore this message: nothing will be sent.\n";
        var html = $"<p>Someone, hopefully you, asked to receive {System.Net.WebUtility.HtmlEncode(list.DisplayName)} at this address.</p><p><a href=\"{System.Net.WebUtility.HtmlEncode(link.AbsoluteUri)}\">Confirm the subscription</a> (the link works for {days} days).</p><p>If it was not you, ignore this message: nothing will be sent.</p>";
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }

    private MimeMessage Envelope(Subscriber subscriber, string subject, string messageId)
    {
        var message = new MimeMessage();
        // A copy: an address list subscribes to its addresses' Changed events, so one shared MailboxAddress added to
        // every message would keep every message alive (measured: ~13 KB retained per message).
        message.From.Add(new MailboxAddress(list.From.Name, list.From.Address));
        message.To.Add(new MailboxAddress(HeaderText.Require(subscriber.Name ?? "", "subscriber's name"), subscriber.Email));
        message.Subject = HeaderText.Require(subject, "subject");
        message.Date = time.GetUtcNow();
        message.MessageId = messageId;
        return message;
    }

    private Uri Link(string page, string token) => new(list.LinkBase, $"{page}?t={token}");
}
