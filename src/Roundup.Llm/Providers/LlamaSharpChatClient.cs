using System.Runtime.CompilerServices;
using System.Text;
using LLama;
using LLama.Common;
using LLama.Sampling;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Roundup.Llm.Providers;

/// <summary>
/// An <see cref="IChatClient"/> over a local GGUF model: loaded once, released when the client is disposed, one
/// answer at a time, each from a fresh context (no state carries from one call to the next). Reports the tokens it
/// read and wrote.
/// </summary>
/// <remarks>
/// LLamaSharp ships an adapter of its own (<c>AsChatClient</c>); this one exists because that adapter reports no
/// usage, does not own the weights, ignores the model's chat template unless told, and does not throw when cancelled.
/// <see cref="ChatOptions.ResponseFormat"/> is not enforced: the answer is whatever the model writes.
/// </remarks>
public sealed class LlamaSharpChatClient : IChatClient
{
    private readonly LLamaWeights _weights;
    private readonly StatelessExecutor _executor;
    private readonly LlamaSharpPrompt _prompt;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly ChatClientMetadata _metadata;
    private readonly int _defaultMaxOutputTokens;
    private volatile bool _disposed;

    private LlamaSharpChatClient(LLamaWeights weights, ModelParams parameters, string modelPath, string modelId, int defaultMaxOutputTokens)
    {
        _weights = weights;
        _executor = new StatelessExecutor(weights, parameters);
        _prompt = LlamaSharpPrompt.For(weights);
        _metadata = new ChatClientMetadata(LlmOptions.LlamaSharpProvider, new Uri(Path.GetFullPath(modelPath)), modelId);
        _defaultMaxOutputTokens = defaultMaxOutputTokens;
        ContextSize = (int)(parameters.ContextSize ?? (uint)weights.ContextSize);
    }

    /// <summary>Tokens of context per call: the prompt and the answer together.</summary>
    public int ContextSize { get; }

    /// <summary>Whether prompts go through the model's chat template (otherwise a plain transcript).</summary>
    public bool UsesChatTemplate => _prompt.UsesTemplate;

    /// <summary>Loads <paramref name="modelPath"/>; the error names the file and what llama.cpp or the backend said.</summary>
    /// <param name="logger">Receives llama.cpp's warnings and errors (process-wide: the latest logger given receives them).</param>
    public static LlamaSharpChatClient Load(string modelPath, string modelId, int contextSize, int defaultMaxOutputTokens, ILogger? logger = null)
    {
        LlamaNativeLog.RouteTo(logger);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        ArgumentOutOfRangeException.ThrowIfLessThan(contextSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(defaultMaxOutputTokens, 1);
        var parameters = new ModelParams(modelPath) { ContextSize = (uint)contextSize };
        LLamaWeights weights;
        try
        {
            weights = LLamaWeights.LoadFromFile(parameters);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidOperationException($"the GGUF model '{modelPath}' could not be loaded: {Describe(e)}", e);
        }

        try
        {
            return new LlamaSharpChatClient(weights, parameters, modelPath, modelId, defaultMaxOutputTokens);
        }
        catch
        {
            weights.Dispose();
            throw;
        }
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var text = new StringBuilder();
        ChatResponseUpdate? last = null;
        await foreach (var update in GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            text.Append(update.Text);
            last = update;
        }

        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text.ToString()))
        {
            ModelId = last?.ModelId,
            FinishReason = last?.FinishReason,
            Usage = last?.Contents.OfType<UsageContent>().FirstOrDefault()?.Details,
            CreatedAt = last?.CreatedAt,
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var prompt = _prompt.Render(messages);
            var promptTokens = _weights.Tokenize(prompt, add_bos: true, special: true, Encoding.UTF8).Length;
            var room = ContextSize - promptTokens;
            if (room < 1)
            {
                throw new InvalidOperationException(
                    $"the prompt has {promptTokens} tokens, which leaves no room for an answer in the {ContextSize}-token context ({LlmOptions.SectionName}:{nameof(LlmOptions.ContextSize)})");
            }

            var maxTokens = Math.Min(options?.MaxOutputTokens ?? _defaultMaxOutputTokens, room);
            var modelId = options?.ModelId ?? _metadata.DefaultModelId;
            var responseId = Guid.NewGuid().ToString("N");
            var generation = new Generation(_prompt.Stops.Concat(options?.StopSequences ?? []).ToList());
            using var sampling = Sampling(options);
            var inference = new InferenceParams { MaxTokens = maxTokens, SamplingPipeline = sampling };

            await foreach (var piece in _executor.InferAsync(prompt, inference, cancellationToken))
            {
                if (generation.Add(piece) is { Length: > 0 } text)
                {
                    yield return new ChatResponseUpdate(ChatRole.Assistant, text) { ResponseId = responseId, ModelId = modelId };
                }

                if (generation.Stopped)
                {
                    break;
                }
            }

            // The executor ends quietly when cancelled; the caller must hear of it (the timeout wrapper names it).
            cancellationToken.ThrowIfCancellationRequested();
            var usage = new UsageDetails
            {
                InputTokenCount = promptTokens,
                OutputTokenCount = generation.Tokens,
                TotalTokenCount = promptTokens + generation.Tokens,
            };
            yield return new ChatResponseUpdate(ChatRole.Assistant, [new TextContent(generation.Rest()), new UsageContent(usage)])
            {
                ResponseId = responseId,
                ModelId = modelId,
                CreatedAt = DateTimeOffset.UtcNow,
                FinishReason = !generation.Stopped && generation.Tokens >= maxTokens ? ChatFinishReason.Length : ChatFinishReason.Stop,
            };
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <summary>Waits for the answer being written, then releases the model.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _oneAtATime.Wait();
        _weights.Dispose();
        _oneAtATime.Release();
    }

    private static DefaultSamplingPipeline Sampling(ChatOptions? options)
    {
        using var defaults = new DefaultSamplingPipeline();
        return new DefaultSamplingPipeline
        {
            Temperature = options?.Temperature ?? defaults.Temperature,
            TopP = options?.TopP ?? defaults.TopP,
            TopK = options?.TopK ?? defaults.TopK,
            FrequencyPenalty = options?.FrequencyPenalty ?? defaults.FrequencyPenalty,
            PresencePenalty = options?.PresencePenalty ?? defaults.PresencePenalty,
            Seed = options?.Seed is { } seed ? unchecked((uint)seed) : (uint)Random.Shared.Next(),
        };
    }

    private static string Describe(Exception e) =>
        e is TypeInitializationException { InnerException: { } inner } ? $"the llama.cpp native library failed to load ({inner.Message})" : e.Message;

    /// <summary>
    /// The answer as it is generated: counts tokens, drops the leading space after "Assistant:", and holds back text
    /// that may be the start of a stop sequence until it is known not to be.
    /// </summary>
    private sealed class Generation(IReadOnlyList<string> stops)
    {
        private readonly StringBuilder _pending = new();
        private readonly int _holdBack = stops.Count == 0 ? 0 : stops.Max(s => s.Length) - 1;
        private bool _started;

        public int Tokens { get; private set; }

        public bool Stopped { get; private set; }

        /// <summary>Takes one generated piece; returns the text now safe to pass on.</summary>
        public string Add(string piece)
        {
            Tokens++;
            _pending.Append(_started ? piece : piece.TrimStart());
            _started = _pending.Length > 0;
            var text = _pending.ToString();
            var stopAt = stops.Select(s => text.IndexOf(s, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
            if (stopAt >= 0)
            {
                Stopped = true;
                _pending.Clear();
                return text[..stopAt].TrimEnd();
            }

            if (text.Length <= _holdBack)
            {
                return "";
            }

            _pending.Remove(0, text.Length - _holdBack);
            return text[..^_holdBack];
        }

        /// <summary>What was held back when generation ended without a stop sequence.</summary>
        public string Rest()
        {
            var rest = _pending.ToString();
            _pending.Clear();
            return rest;
        }
    }
}
