using System.Net;
using System.Net.Sockets;
using Polly;
using Roundup.Arxiv.Http;

namespace Roundup.Arxiv.Tests.Http;

public sealed class ArxivRetryTests
{
    [Fact]
    public void A_host_that_does_not_resolve_is_not_worth_waiting_for()
    {
        var unresolved = Outcome.FromException<HttpResponseMessage>(new HttpRequestException("Name or service not known", new SocketException((int)SocketError.HostNotFound)));
        var refused = Outcome.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)));
        using var unavailable = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        using var notFound = new HttpResponseMessage(HttpStatusCode.NotFound);

        Assert.False(ArxivRetry.IsTransient(unresolved));
        Assert.True(ArxivRetry.IsTransient(refused));
        Assert.True(ArxivRetry.IsTransient(Outcome.FromResult(unavailable)));
        Assert.False(ArxivRetry.IsTransient(Outcome.FromResult(notFound)));
    }
}
