using System.ClientModel;
using Anthropic.Exceptions;
using Microsoft.Extensions.AI;
using Roundup.Llm.Providers;
using Roundup.Testing.Llm;

namespace Roundup.Llm.Tests.Providers;

/// <summary>What each provider's client throws for an error status, and that <see cref="ProviderFailure"/> reads it.</summary>
public sealed class ProviderFailureTests
{
    [Theory]
    [InlineData("openai", 401, typeof(ClientResultException))]
    [InlineData("openai", 404, typeof(ClientResultException))]
    [InlineData("openai", 429, typeof(ClientResultException))]
    [InlineData("ollama", 401, typeof(HttpRequestException))]
    [InlineData("ollama", 403, typeof(HttpRequestException))]
    [InlineData("ollama", 404, typeof(HttpRequestException))]
    [InlineData("ollama", 429, typeof(HttpRequestException))]
    [InlineData("anthropic", 401, typeof(AnthropicUnauthorizedException))]
    [InlineData("anthropic", 403, typeof(AnthropicForbiddenException))]
    [InlineData("anthropic", 404, typeof(AnthropicNotFoundException))]
    [InlineData("anthropic", 429, typeof(AnthropicRateLimitException))]
    public async Task The_status_of_each_providers_error_is_read(string provider, int status, Type thrown)
    {
        await using var server = new FakeProviderServer(provider, _ => new ChatReply { Status = status, Content = "no" });
        using var client = ChatClientFactory.Create(new LlmOptions { Provider = provider, Endpoint = server.Endpoint, Model = "m", ApiKey = "k", TimeoutSeconds = 10 });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken));

        Assert.IsType(thrown, error);
        Assert.Equal(status, ProviderFailure.Status(error));
        Assert.Equal(status is 401 or 403 or 404, ProviderFailure.IsRefusal(error));
        Assert.Equal(status == 429, ProviderFailure.IsRateLimit(error));

        // The fakes send no Retry-After; Ollama's and Anthropic's clients would not show one anyway.
        Assert.Null(ProviderFailure.RetryAfter(error));
    }

    [Fact]
    public async Task A_timeout_has_no_status()
    {
        await using var server = new FakeProviderServer("ollama", _ => new ChatReply { Content = "late", Delay = TimeSpan.FromSeconds(8) });
        using var client = ChatClientFactory.Create(new LlmOptions { Provider = "ollama", Endpoint = server.Endpoint, Model = "m", TimeoutSeconds = 1 });

        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Null(ProviderFailure.Status(error));
        Assert.False(ProviderFailure.IsRefusal(error));
    }

    [Fact]
    public void A_status_wrapped_in_another_exception_is_found()
    {
        var inner = new HttpRequestException("denied", null, System.Net.HttpStatusCode.Forbidden);

        Assert.Equal(403, ProviderFailure.Status(new InvalidOperationException("outer", inner)));
    }
}
