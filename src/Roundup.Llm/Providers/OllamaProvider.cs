using System.Net.Http.Headers;
using Microsoft.Extensions.AI;
using OllamaSharp;

namespace Roundup.Llm.Providers;

/// <summary>Ollama's own API (<c>/api/chat</c>) through OllamaSharp, whose client is an <see cref="IChatClient"/>.</summary>
internal static class OllamaProvider
{
    public static IChatClient Create(LlmOptions options)
    {
        // OllamaSharp resolves "api/chat" against the base address, so a path prefix (a proxy) needs its slash.
        var endpoint = options.Endpoint.EndsWith('/') ? options.Endpoint : options.Endpoint + "/";
        var http = ErrorResponseCapture.CreateHttpClient();
        http.BaseAddress = new Uri(endpoint);
        http.Timeout = options.NetworkTimeout;
        if (!string.IsNullOrWhiteSpace(options.ApiKey))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        }

        // OllamaSharp never retries, and does not dispose an HTTP client it was given.
#pragma warning disable CA2000 // the wrapper owns both and disposes them; its constructor cannot throw
        return new OwningChatClient(new OllamaApiClient(http, options.Model), http);
#pragma warning restore CA2000
    }
}
