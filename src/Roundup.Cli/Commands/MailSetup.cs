using Roundup.Application.Hosting;
using Roundup.Application.Selecting;
using Roundup.Application.Writing;
using Roundup.Delivery.Messages;
using Roundup.Delivery.Tokens;
using Roundup.Delivery.Transport;
using Roundup.Storage.Sqlite;

namespace Roundup.Cli.Commands;

/// <summary>What the mail verbs share: the Mail options (validated at start-up with the rest of the configuration), the delivery store, the link signer and the sender.</summary>
public sealed class MailSetup : IAsyncDisposable
{
    private MailSetup(SqliteDeliveryStore store, TokenSigner signer, MessageBuilder builder, IMailTransportFactory transport)
    {
        Store = store;
        Signer = signer;
        Builder = builder;
        Transport = transport;
    }

    public SqliteDeliveryStore Store { get; }

    public TokenSigner Signer { get; }

    public MessageBuilder Builder { get; }

    public IMailTransportFactory Transport { get; }

    public static async Task<MailSetup> OpenAsync(RoundupHost host, CancellationToken ct)
    {
        var mail = host.Options.Mail;
        var signer = mail.Signer(host.Time);
        var builder = new MessageBuilder(mail.List(host.Options.Publish.Site().BaseUrl), signer, host.Time);
        return new MailSetup(await SqliteDeliveryStore.OpenAsync(host.Options.Store.Path, host.Time, ct), signer, builder, mail.Transport());
    }

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
