using Anthropic;
using Anthropic.Core;
using Microsoft.Extensions.AI;

namespace Roundup.Llm.Providers;

/// <summary>The Anthropic Messages API through the official SDK's own <see cref="IChatClient"/> adapter.</summary>
internal static class AnthropicProvider
{
    public static IChatClient Create(LlmOptions options)
    {
        // Our own HTTP client: the SDK's default one gives up after 100 s whatever the configured timeout.
        // Error answers become ProviderHttpException so that Retry-After and the API's message are kept.
        var http = ErrorResponseCapture.CreateHttpClient();
        http.Timeout = Timeout.InfiniteTimeSpan;
        var client = new AnthropicClient(new ClientOptions
        {
            HttpClient = http,
            BaseUrl = options.Endpoint.TrimEnd('/'),
            ApiKey = options.ApiKey,
            MaxRetries = 0,
            Timeout = options.NetworkTimeout,
        });
        return new OwningChatClient(client.AsIChatClient(options.Model, options.MaxOutputTokens), client, http);
    }
}
