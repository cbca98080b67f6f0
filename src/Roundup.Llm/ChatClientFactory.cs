using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Roundup.Llm.Providers;

namespace Roundup.Llm;

/// <summary>Builds the <see cref="IChatClient"/> that <see cref="LlmOptions"/> describe.</summary>
/// <remarks>
/// Every client answers within <see cref="LlmOptions.Timeout"/> per call (<see cref="TimeoutChatClient"/>) and makes
/// one attempt only: the callers retry themselves, re-asking only for what is still missing. Disposing the client
/// releases what it holds (HTTP clients, a loaded model).
/// </remarks>
public static class ChatClientFactory
{
    /// <param name="logger">Receives llama.cpp's warnings and errors for <c>llamasharp</c>; other providers log nothing.</param>
    public static IChatClient Create(LlmOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
#pragma warning disable CA2000 // the timeout wrapper owns the provider's client and disposes it; its constructor cannot throw
        return new TimeoutChatClient(CreateProviderClient(options, logger), options.Timeout);
#pragma warning restore CA2000
    }

    private static IChatClient CreateProviderClient(LlmOptions options, ILogger? logger)
    {
        if (options.Is(LlmOptions.OllamaProvider))
        {
            return OllamaProvider.Create(options);
        }

        if (options.Is(LlmOptions.AnthropicProvider))
        {
            return AnthropicProvider.Create(options);
        }

        return options.Is(LlmOptions.LlamaSharpProvider) ? LlamaSharpProvider.Create(options, logger) : OpenAiProvider.Create(options);
    }
}
