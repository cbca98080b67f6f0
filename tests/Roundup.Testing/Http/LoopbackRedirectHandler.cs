namespace Roundup.Testing.Http;

/// <summary>
/// Sends every request to a local server, whatever host it names, keeping path and query: a client can be asked for
/// https://export.arxiv.org/api/query?... and be answered by a <see cref="ReplayServer"/>, never by the internet.
/// The original host travels in the <c>X-Original-Host</c> header.
/// </summary>
public sealed class LoopbackRedirectHandler : DelegatingHandler
{
    public const string OriginalHostHeader = "X-Original-Host";

    private readonly Uri _target;

    public LoopbackRedirectHandler(Uri target)
        : base(new SocketsHttpHandler { MaxConnectionsPerServer = 1, AutomaticDecompression = System.Net.DecompressionMethods.All })
    {
        _target = target;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var original = request.RequestUri ?? throw new InvalidOperationException("a request without a URL");
        request.Headers.TryAddWithoutValidation(OriginalHostHeader, original.Authority);
        request.RequestUri = new Uri(_target, original.PathAndQuery);
        return base.SendAsync(request, cancellationToken);
    }
}
