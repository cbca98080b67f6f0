namespace Roundup.Delivery.Messages;

/// <summary>
/// Renders the issue for one subscriber, with the personal unsubscribe link placed in the body. Called once per
/// message, from several sending tasks at once: implementations must be thread-safe.
/// </summary>
public interface IMessageContent
{
    MessageContent For(Subscriber subscriber, Uri unsubscribeUrl);
}
