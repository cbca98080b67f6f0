using System.Net;
using Roundup.Application.Settings;

namespace Roundup.Application.Tests.Settings;

/// <summary>Which URLs the endpoint binds, and the reasons it gives for the others.</summary>
public sealed class ListenAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080", "127.0.0.1", 8080, false)]
    [InlineData("https://0.0.0.0:8443/", "0.0.0.0", 8443, true)]
    [InlineData("http://localhost:0", "127.0.0.1", 0, false)]
    [InlineData("http://[::1]:9000", "::1", 9000, false)]
    public void Addresses_with_an_ip_or_localhost_are_bound(string url, string ip, int port, bool https)
    {
        Assert.Equal(new ListenAddress(IPAddress.Parse(ip), port, https), ListenAddress.Parse(new Uri(url)));
    }

    [Theory]
    [InlineData("http://example.org:8080", "names the host 'example.org'")]
    [InlineData("http://127.0.0.1:8080/roundup/", "has a path")]
    [InlineData("ftp://127.0.0.1:21", "not an http:// or https:// URL")]
    public void Other_urls_are_refused_with_the_reason(string url, string reason)
    {
        Assert.Contains(reason, ListenAddress.Problem(new Uri(url)), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ListenAddress.Parse(new Uri(url)));
    }
}
