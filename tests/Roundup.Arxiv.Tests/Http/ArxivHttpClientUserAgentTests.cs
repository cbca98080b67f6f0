using Roundup.Arxiv.Http;
using Roundup.Testing.Http;

namespace Roundup.Arxiv.Tests.Http;

public sealed class ArxivHttpClientUserAgentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_user_agent_names_the_tool_and_the_contact_address()
    {
        await using var server = new ReplayServer();
        server.Map(_ => Reply.Text("ok"));
        var options = TestClients.Options();
        options.Contact = "harvest@example.org";
        using var client = TestClients.Create(options, new AutoAdvancingTimeProvider());

        await client.GetAsync(server.Url("/oai?verb=Identify"), Ct);

        var userAgent = Assert.Single(server.Requests).UserAgent;
        Assert.NotNull(userAgent);
        Assert.Matches(@"^Roundup/\d+\.\d+\.\d+ \(\+https://github\.com/roundup; mailto:harvest@example\.org\)$", userAgent);
        Assert.Equal(client.UserAgentHeader, userAgent);
    }

    [Fact]
    public void A_url_contact_goes_in_without_mailto()
    {
        var userAgent = UserAgent.For("https://example.org/about");

        Assert.EndsWith("(+https://github.com/roundup; https://example.org/about)", userAgent, StringComparison.Ordinal);
        Assert.DoesNotContain("mailto", userAgent, StringComparison.Ordinal);
    }
}
