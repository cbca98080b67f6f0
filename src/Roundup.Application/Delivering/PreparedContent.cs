using Roundup.Delivery;
using Roundup.Delivery.Messages;
using Roundup.Publishing.Email;

namespace Roundup.Application.Delivering;

/// <summary>A message rendered once (an issue or an erratum); each subscriber's copy splices in the greeting and the unsubscribe link.</summary>
public sealed class PreparedContent(PreparedEmail prepared) : IMessageContent
{
    public MessageContent For(Subscriber subscriber, Uri unsubscribeUrl)
    {
        var rendered = prepared.ForSubscriber(new EmailPersonalisation(subscriber.Name, unsubscribeUrl));
        return new MessageContent(rendered.Subject, rendered.Html, rendered.Text);
    }
}
