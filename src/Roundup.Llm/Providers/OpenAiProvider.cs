using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace Roundup.Llm.Providers;

/// <summary>Any OpenAI-compatible chat-completions endpoint: OpenAI, vLLM, llama.cpp's server, LM Studio, Ollama's /v1.</summary>
internal static class OpenAiProvider
{
    /// <summary>Endpoints without a key still need a non-empty credential for the OpenAI client.</summary>
    private const string NoKey = "no-key";

    public static IChatClient Create(LlmOptions options)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.NetworkTimeout,
        };
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? NoKey : options.ApiKey;
        return new ChatClient(options.Model, new ApiKeyCredential(key), clientOptions).AsIChatClient();
    }
}
