using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace Roundup.Llm;

/// <summary>Builds the <see cref="IChatClient"/> that <see cref="LlmOptions"/> describe.</summary>
public static class ChatClientFactory
{
    /// <summary>Endpoints without a key still need a non-empty credential for the OpenAI client.</summary>
    private const string NoKey = "no-key";

    public static IChatClient Create(LlmOptions options)
    {
        options.EnsureValid();
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint),

            // The scorer retries itself (re-asking only for the papers still missing), so the pipeline must not.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),

            // A backstop only: the per-call timeout below fires first and names itself.
            NetworkTimeout = options.Timeout + TimeSpan.FromSeconds(30),
        };
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? NoKey : options.ApiKey;
        var chat = new ChatClient(options.Model, new ApiKeyCredential(key), clientOptions);
        return new TimeoutChatClient(chat.AsIChatClient(), options.Timeout);
    }
}
