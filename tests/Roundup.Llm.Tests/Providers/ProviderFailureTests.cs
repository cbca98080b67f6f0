using System.ClientModel;
using Anthropic.Exceptions;
using Microsoft.Extensions.AI;
using Roundup.Llm.Providers;
using Roundup.Llm.Resilience;
using Roundup.Testing.Llm;

namespace Roundup.Llm.Tests.Providers;

/// <summary>What each provider's client throws for an error status, and that <see cref="ProviderFailure"/> reads it.</summary>
public sealed class ProviderFailureTests
{
    [Theory]
    [InlineData("openai", 401, typeof(ClientResultException))]
    [InlineData("openai", 404, typeof(ClientResultException))]
    [InlineData("openai", 429, typeof(ClientResultException))]
    // Ollama's and Anthropic's HTTP clients throw ProviderHttpException for an error answer (ErrorResponseCapture):
    // OllamaSharp lets it through, the Anthropic SDK wraps it in its AnthropicIOException.
    [InlineData("ollama", 401, typeof(ProviderHttpException))]
    [InlineData("ollama", 403, typeof(ProviderHttpException))]
    [InlineData("ollama", 404, typeof(ProviderHttpException))]
    [InlineData("ollama", 429, typeof(ProviderHttpException))]
    [InlineData("anthropic", 401, typeof(AnthropicIOException))]
    [InlineData("anthropic", 403, typeof(AnthropicIOException))]
    [InlineData("anthropic", 404, typeof(AnthropicIOException))]
    [InlineData("anthropic", 429, typeof(AnthropicIOException))]
    public async Task The_status_of_each_providers_error_is_read(string provider, int status, Type thrown)
    {
        await using var server = new FakeProviderServer(provider, _ => new ChatReply { Status = status, Content = "the fake says no" });
        using var client = ChatClientFactory.CreateProviderClient(new LlmOptions { Provider = provider, Endpoint = server.Endpoint, Model = "m", ApiKey = "k", TimeoutSeconds = 10 });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken));

        Assert.IsType(thrown, error);
        Assert.Equal(status, ProviderFailure.Status(error));
        Assert.Equal(status is 401 or 403 or 404, ProviderFailure.IsRefusal(error));
        Assert.Equal(status == 429, ProviderFailure.IsRateLimit(error));
        Assert.True(ProviderFailure.Detail(error).Contains("the fake says no", StringComparison.Ordinal), $"{provider}: {ProviderFailure.Detail(error)} | {error.Message}");

        // Asked once: no provider's client retries on its own (ResilientChatClient decides that).
        Assert.Single(server.Calls);

        // No Retry-After was sent.
        Assert.Null(ProviderFailure.RetryAfter(error));
    }

    [Fact]
    public async Task A_timeout_has_no_status()
    {
        await using var server = new FakeProviderServer("ollama", _ => new ChatReply { Content = "late", Delay = TimeSpan.FromSeconds(8) });
        using var client = ChatClientFactory.Create(new LlmOptions { Provider = "ollama", Endpoint = server.Endpoint, Model = "m", TimeoutSeconds = 1, MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<LlmUnavailableException>(() => client.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken));

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
