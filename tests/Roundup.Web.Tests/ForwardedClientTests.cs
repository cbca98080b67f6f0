using System.Net;
using Roundup.Application.Settings;

namespace Roundup.Web.Tests;

/// <summary>
/// X-Forwarded-For names the client whose budget a POST draws on only when the peer (here always 127.0.0.1) is a
/// configured trusted proxy; otherwise every POST counts against the peer, whatever the header says. Each test spends
/// a budget of two with forged links and sees whose budget a third POST draws on.
/// </summary>
public sealed class ForwardedClientTests
{
    private const string Client = "203.0.113.7";
    private const string OtherClient = "198.51.100.9";

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_budget()
    {
        await using var site = await StartAsync("127.0.0.1");
        await SpendAsync(site, Client);
        Assert.Equal(HttpStatusCode.TooManyRequests, await ForgedPostAsync(site, Client));
        Assert.Equal(HttpStatusCode.BadRequest, await ForgedPostAsync(site, OtherClient));

        // A client that writes its own X-Forwarded-For gets it prepended to: only the proxy's entry counts.
        Assert.Equal(HttpStatusCode.TooManyRequests, await ForgedPostAsync(site, $"{OtherClient}, {Client}"));
    }

    [Fact]
    public async Task A_chain_of_trusted_proxies_is_walked_back_to_the_client()
    {
        await using var site = await StartAsync("127.0.0.1", "10.0.0.0/8");
        await SpendAsync(site, $"{Client}, 10.1.2.3");
        Assert.Equal(HttpStatusCode.TooManyRequests, await ForgedPostAsync(site, Client));
        Assert.Equal(HttpStatusCode.BadRequest, await ForgedPostAsync(site, $"{OtherClient}, 10.9.9.9"));
    }

    [Fact]
    public async Task With_no_trusted_proxy_the_header_is_ignored_and_the_peer_is_the_client()
    {
        await using var site = await StartAsync();
        await SpendAsync(site, Client);
        Assert.Equal(HttpStatusCode.TooManyRequests, await ForgedPostAsync(site, OtherClient));
        using var plain = await site.PostAsync(site.Link("unsubscribe", site.ForgedUnsubscribeToken(1)), RunningSite.OneClick());
        Assert.Equal(HttpStatusCode.TooManyRequests, plain.StatusCode);
    }

    [Fact]
    public async Task A_peer_outside_the_trusted_proxies_is_not_believed_even_on_loopback()
    {
        // ASP.NET Core's own defaults trust loopback; only the configured networks may count.
        await using var site = await StartAsync("10.0.0.0/8", "::1");
        await SpendAsync(site, Client);
        Assert.Equal(HttpStatusCode.TooManyRequests, await ForgedPostAsync(site, OtherClient));
    }

    [Fact]
    public async Task Forwarded_IPv6_clients_share_a_budget_per_64_bit_prefix()
    {
        await using var site = await StartAsync("127.0.0.1");
        await SpendAsync(site, "2001:db8:1:2::1");
        Assert.Equal(HttpStatusCode.TooManyRequests, await ForgedPostAsync(site, "2001:db8:1:2:ffff:ffff:ffff:ffff"));
        Assert.Equal(HttpStatusCode.BadRequest, await ForgedPostAsync(site, "2001:db8:1:3::1"));
    }

    [Fact]
    public async Task A_genuine_one_click_behind_the_trusted_proxy_passes_while_its_forwarded_client_is_limited()
    {
        await using var site = await StartAsync("127.0.0.1");
        var reader = await site.AddAsync("reader@mail.example.org");
        await SpendAsync(site, Client);
        using var genuine = await site.PostForwardedAsync(site.Link("unsubscribe", site.UnsubscribeToken(reader.Id)), RunningSite.OneClick(), Client);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
    }

    private static Task<RunningSite> StartAsync(params string[] trusted) =>
        RunningSite.StartAsync(o => o with
        {
            PostsPerWindow = 2,
            RateWindow = TimeSpan.FromMinutes(10),
            TrustedProxies = [.. trusted.Select(TrustedProxy.Parse)],
        });

    private static async Task SpendAsync(RunningSite site, string forwardedFor)
    {
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, await ForgedPostAsync(site, forwardedFor));
        }
    }

    private static async Task<HttpStatusCode> ForgedPostAsync(RunningSite site, string forwardedFor)
    {
        using var response = await site.PostForwardedAsync(site.Link("unsubscribe", site.ForgedUnsubscribeToken(1)), RunningSite.OneClick(), forwardedFor);
        return response.StatusCode;
    }
}
