using System.Net;
using Roundup.Delivery;
using Roundup.Delivery.Messages;

namespace Roundup.Delivery.Tests;

/// <summary>A small issue body with the personal link in both parts, as the real renderer will place it.</summary>
public sealed class TestContent(string subject = "Roundup 2025-W26: sparse attention, faster") : IMessageContent
{
    public MessageContent For(Subscriber subscriber, Uri unsubscribeUrl)
    {
        var hello = subscriber.Name is null ? "Hello" : $"Hello {subscriber.Name}";
        return new MessageContent(
            subject,
            $"<html><body><p>{WebUtility.HtmlEncode(hello)},</p><p>This week: three papers.</p><p><a href=\"{WebUtility.HtmlEncode(unsubscribeUrl.AbsoluteUri)}\">Unsubscribe</a></p></body></html>",
            $"{hello},\n\nThis week: three papers.\n\nUnsubscribe: {unsubscribeUrl.AbsoluteUri}\n");
    }
}
