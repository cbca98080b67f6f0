using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Roundup.Llm.Providers;

/// <summary>A local GGUF model run in-process by llama.cpp (LLamaSharp and its CPU backend).</summary>
internal static class LlamaSharpProvider
{
    public static IChatClient Create(LlmOptions options, ILogger? logger)
    {
        return LlamaSharpChatClient.Load(options.ModelPath, options.Model, options.ContextSize, options.MaxOutputTokens, logger);
    }
}
