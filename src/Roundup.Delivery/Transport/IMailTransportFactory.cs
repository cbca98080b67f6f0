namespace Roundup.Delivery.Transport;

/// <summary>Opens transports: one per sending task.</summary>
public interface IMailTransportFactory
{
    /// <summary>Where messages go, for logs and reports (never credentials).</summary>
    string Description { get; }

    Task<IMailTransport> ConnectAsync(CancellationToken cancellationToken);
}
