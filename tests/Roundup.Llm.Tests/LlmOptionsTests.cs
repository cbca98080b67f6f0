namespace Roundup.Llm.Tests;

public sealed class LlmOptionsTests
{
    private static LlmOptions Valid() => new() { Endpoint = "https://api.openai.com/v1", Model = "gpt-4o-mini", ApiKey = "sk-secret" };

    [Fact]
    public void Defaults_with_a_model_and_key_are_valid()
    {
        var options = Valid();

        Assert.Empty(options.Validate());
        Assert.Equal(2, options.MaxRetries);
        Assert.Equal(20, options.BatchSize.Title);
        Assert.Equal(5, options.BatchSize.Abstract);
        Assert.Equal(Path.Combine(".roundup", "cache", "llm"), options.CacheDirectory);
    }

    [Theory]
    [InlineData("https://api.openai.com", "Llm:Endpoint")]
    [InlineData("api.openai.com/v1", "Llm:Endpoint")]
    [InlineData("ftp://example.org/v1", "Llm:Endpoint")]
    public void A_bad_endpoint_is_named(string endpoint, string key)
    {
        var options = Valid();
        options.Endpoint = endpoint;

        Assert.Contains(options.Validate(), e => e.StartsWith(key, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_names_its_key()
    {
        var options = new LlmOptions
        {
            Provider = "gemini",
            Model = "",
            ApiKey = "",
            TimeoutSeconds = 0,
            MaxRetries = -1,
            InputPricePerMillion = -1,
            OutputPricePerMillion = -1,
        };
        options.BatchSize.Title = 0;
        options.BatchSize.Abstract = 0;

        var keys = options.Validate().Select(e => e.Split(' ')[0]).ToList();

        Assert.Equal(
            ["Llm:Provider", "Llm:Model", "Llm:ApiKey", "Llm:TimeoutSeconds", "Llm:MaxRetries", "Llm:BatchSize:Title", "Llm:BatchSize:Abstract", "Llm:InputPricePerMillion", "Llm:OutputPricePerMillion"],
            keys);
    }

    [Fact]
    public void A_loopback_endpoint_may_go_without_a_key()
    {
        var options = new LlmOptions { Endpoint = "http://127.0.0.1:8080/v1/", Model = "llama" };

        Assert.Empty(options.Validate());
    }

    [Fact]
    public void The_key_is_never_printed()
    {
        Assert.DoesNotContain("sk-secret", Valid().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Cost_is_priced_per_million_tokens()
    {
        var options = Valid();
        options.InputPricePerMillion = 0.15m;
        options.OutputPricePerMillion = 0.60m;

        Assert.Equal(0.00075m, options.Cost(2_000, 750));
    }

    [Fact]
    public void The_factory_refuses_invalid_options()
    {
        var error = Assert.Throws<ArgumentException>(() => ChatClientFactory.Create(new LlmOptions { Endpoint = "https://x.org/api" }));

        Assert.Contains("Llm:Endpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("Llm:Model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_factory_wraps_the_client_with_the_timeout()
    {
        var options = Valid();
        options.TimeoutSeconds = 7;

        using var client = ChatClientFactory.Create(options);

        Assert.Equal(TimeSpan.FromSeconds(7), Assert.IsType<Roundup.Llm.Resilience.ResilientChatClient>(client).Timeout);
    }
}
