using MimeKit;

namespace Roundup.Delivery.Messages;

/// <summary>
/// Who the list is: the From mailbox, the site whose <c>confirm</c> and <c>unsubscribe</c> pages take the signed
/// links, an optional mailbox for mailto unsubscribes, and how long links stay valid.
/// </summary>
public sealed record MailingList(MailboxAddress From, Uri LinkBase, string? UnsubscribeMailbox = null)
{
    /// <summary>Always ends in a slash, so the pages resolve under it rather than beside it.</summary>
    public Uri LinkBase { get; init; } = LinkBase.AbsoluteUri.EndsWith('/') ? LinkBase : new Uri(LinkBase.AbsoluteUri + "/");

    public TimeSpan UnsubscribeLifetime { get; init; } = TimeSpan.FromDays(365);

    public TimeSpan ConfirmLifetime { get; init; } = TimeSpan.FromDays(7);

    /// <summary>The domain of the From address: Message-IDs and the List-Id are made under it.</summary>
    public string Domain => From.Domain.Length > 0 ? From.Domain : "localhost";

    public string ListId => $"roundup.{Domain}";

    public string DisplayName => string.IsNullOrWhiteSpace(From.Name) ? "Roundup" : From.Name;
}
