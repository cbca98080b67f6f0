using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Roundup.Llm.Providers;
using Roundup.Llm.Resilience;

namespace Roundup.Llm;

/// <summary>Builds the <see cref="IChatClient"/> that <see cref="LlmOptions"/> describe.</summary>
/// <remarks>
/// The provider's client makes one attempt per call; <see cref="Create"/> puts it behind
/// <see cref="ResilientChatClient"/>, which gives each attempt its deadline and retries what is worth retrying.
/// Disposing the client releases what it holds (HTTP clients, a loaded model).
/// </remarks>
public static class ChatClientFactory
{
    /// <summary>The client the scorers and the writer use: the provider's, made resilient.</summary>
    /// <param name="logger">Receives llama.cpp's warnings and errors for <c>llamasharp</c>; other providers log nothing.</param>
    /// <param name="resilience">The clock, the retry log and the 429 waits; defaults when not given.</param>
    public static IChatClient Create(LlmOptions options, ILogger? logger = null, ChatResilience? resilience = null)
    {
#pragma warning disable CA2000 // the resilient client owns the provider's client and disposes it; its constructor cannot throw for valid options
        return new ResilientChatClient(CreateProviderClient(options, logger), options, resilience);
#pragma warning restore CA2000
    }

    /// <summary>The provider's own client: one attempt per call, with no deadline but the HTTP clients' backstop.</summary>
    public static IChatClient CreateProviderClient(LlmOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
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
