namespace Roundup.Delivery.Transport;

/// <summary>Opens connections to one relay.</summary>
public sealed class SmtpTransportFactory(SmtpRelay relay) : IMailTransportFactory
{
    public string Description => relay.ToString();

    public async Task<IMailTransport> ConnectAsync(CancellationToken cancellationToken) =>
        await SmtpTransport.ConnectAsync(relay, cancellationToken);
}
