using System.Net;
using Roundup.Application.Settings;

namespace Roundup.Application.Tests.Settings;

public sealed class TrustedProxyTests
{
    [Theory]
    [InlineData("10.0.0.5", "10.0.0.5/32")]
    [InlineData("10.0.0.0/8", "10.0.0.0/8")]
    [InlineData("::1", "::1/128")]
    [InlineData("::ffff:10.0.0.5", "10.0.0.5/32")]
    [InlineData("fd00::/8", "fd00::/8")]
    public void Trusted_proxies_are_addresses_or_networks(string text, string network) =>
        Assert.Equal(IPNetwork.Parse(network), TrustedProxy.Parse(text));

    [Theory]
    [InlineData("proxy.example.org", "is not an IP address")]
    [InlineData("10.1", "is not an IP address")]
    [InlineData("010.0.0.5", "is not an IP address")]
    [InlineData("10.0.0.0/33", "from 1 to 32")]
    [InlineData("10.0.0.0/x", "from 1 to 32")]
    [InlineData("0.0.0.0/0", "trusts every address")]
    [InlineData("10.0.0.5/8", "write the network as 10.0.0.0/8")]
    public void Other_entries_are_refused_with_the_reason(string text, string reason) =>
        Assert.Contains(reason, TrustedProxy.Problem(text), StringComparison.Ordinal);
}
