using Microsoft.Extensions.Logging;
using Roundup.Application.Hosting;
using Roundup.Delivery;
using Roundup.Delivery.Messages;
using Roundup.Delivery.Sending;
using Roundup.Delivery.Tokens;
using Roundup.Delivery.Transport;

namespace Roundup.Application.Delivering;

/// <summary>
/// What the mail use cases share: the Mail options (validated at start-up with the rest of the configuration), the
/// subscribers, outbox and sender lock of the host's store, the link signer and the sender.
/// </summary>
public sealed class MailSetup
{
    private MailSetup(ISubscriberStore subscribers, IOutboxStore outbox, TokenSigner signer, MessageBuilder builder, IMailTransportFactory transport)
    {
        Subscribers = subscribers;
        Outbox = outbox;
        Signer = signer;
        Builder = builder;
        Transport = transport;
    }

    public ISubscriberStore Subscribers { get; }

    public IOutboxStore Outbox { get; }


    public TokenSigner Signer { get; }

    public MessageBuilder Builder { get; }

    public IMailTransportFactory Transport { get; }

    public static async Task<MailSetup> OpenAsync(RoundupHost host, CancellationToken ct)
    {
        var mail = host.Options.Mail;
        var signer = mail.Signer(host.Time);
        var builder = new MessageBuilder(mail.List(host.Options.Publish.Site().BaseUrl), signer, host.Time);
        var store = await host.StoreAsync(ct);
        return new MailSetup(store.Subscribers, store.Outbox, signer, builder, mail.Transport());
    }

    /// <summary>A delivery run through the outbox with the Mail options' settings.</summary>
    public DeliveryRun Run(RoundupHost host) =>
        new(Outbox, Transport, Builder, host.Options.Mail.DeliverySettings(), host.Time, host.Logs.CreateLogger<DeliveryRun>());
}
