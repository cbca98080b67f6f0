using Roundup.Arxiv.Http;

namespace Roundup.Arxiv.Tests.Http;

public sealed class ArxivHttpOptionsTests
{
    [Theory]
    [InlineData("https://export.arxiv.org/api/query?id_list=2401.00001")]
    [InlineData("https://oaipmh.arxiv.org/oai?verb=Identify")]
    [InlineData("https://arxiv.org/list/cs.LG/new")]
    [InlineData("https://RSS.ArXiv.org/rss/cs.LG")]
    public void Arxiv_hosts_are_spaced_at_least_3_seconds_whatever_is_configured(string url)
    {
        var options = new ArxivHttpOptions { MinIntervalSeconds = 0.5 };

        Assert.Equal(TimeSpan.FromSeconds(3), options.SpacingFor(new Uri(url)));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/oai")]
    [InlineData("https://notarxiv.org/x")]
    [InlineData("https://arxiv.org.example.com/x")]
    public void Other_hosts_get_the_configured_spacing(string url)
    {
        var options = new ArxivHttpOptions { MinIntervalSeconds = 0.5 };

        Assert.Equal(TimeSpan.FromSeconds(0.5), options.SpacingFor(new Uri(url)));
    }

    [Fact]
    public void A_longer_configured_spacing_applies_to_arxiv_too()
    {
        var options = new ArxivHttpOptions { MinIntervalSeconds = 5 };

        Assert.Equal(TimeSpan.FromSeconds(5), options.SpacingFor(new Uri("https://export.arxiv.org/api/query")));
    }

    [Fact]
    public void Defaults_with_a_contact_are_valid()
    {
        var options = new ArxivHttpOptions { Contact = "me@example.org" };

        Assert.Empty(options.Validate());
        Assert.Equal(3, options.MinIntervalSeconds);
        Assert.Equal(6, options.MaxRetries);
        Assert.Equal(10, options.BackoffBaseSeconds);
        Assert.Equal(600, options.BackoffMaxSeconds);
        Assert.Equal(60, options.TimeoutSeconds);
        Assert.Equal(50L * 1024 * 1024, options.MaxResponseBytes);
        Assert.Equal(20, options.CacheHours);
        Assert.Equal(Path.Combine(".roundup", "cache", "http"), options.CacheDirectory);
    }

    [Fact]
    public void Each_problem_is_named_with_its_configuration_key()
    {
        var options = new ArxivHttpOptions { Contact = "me@example.org", MinIntervalSeconds = -1, MaxRetries = -2, TimeoutSeconds = 0 };

        var errors = options.Validate();

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Arxiv:Http:MinIntervalSeconds", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Arxiv:Http:MaxRetries", StringComparison.Ordinal) && e.Contains("-2", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Arxiv:Http:TimeoutSeconds", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("just-a-name")]
    [InlineData("me@example.org\r\nX-Evil: 1")]
    [InlineData("me (at) example.org")]
    public void A_required_contact_must_be_an_address_or_a_url(string? contact)
    {
        var options = new ArxivHttpOptions { Contact = contact, RequireContact = true };

        Assert.Contains(options.Validate(), e => e.StartsWith("Arxiv:Http:Contact", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("me@example.org")]
    [InlineData("https://example.org/roundup")]
    public void A_usable_contact_passes(string contact) =>
        Assert.Empty(new ArxivHttpOptions { Contact = contact }.Validate());

    [Fact]
    public void A_contact_is_optional_when_not_required() =>
        Assert.Empty(new ArxivHttpOptions { RequireContact = false }.Validate());

    [Fact]
    public void The_client_refuses_invalid_options()
    {
        var options = new ArxivHttpOptions { Contact = null, RequireContact = true };

        var error = Assert.Throws<ArgumentException>(() => TestClients.Create(options, TimeProvider.System));

        Assert.Contains("Arxiv:Http:Contact", error.Message, StringComparison.Ordinal);
    }
}
