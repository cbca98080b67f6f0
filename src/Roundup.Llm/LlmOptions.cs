using System.Globalization;

namespace Roundup.Llm;

/// <summary>
/// The configuration section <c>Llm</c>: which model answers (a chat endpoint or a local GGUF file), and at what price.
/// </summary>
public sealed class LlmOptions
{
    public const string SectionName = "Llm";

    public const string OpenAiProvider = "openai";
    public const string OllamaProvider = "ollama";
    public const string AnthropicProvider = "anthropic";
    public const string LlamaSharpProvider = "llamasharp";

    public static IReadOnlyList<string> Providers { get; } = [OpenAiProvider, OllamaProvider, AnthropicProvider, LlamaSharpProvider];

    private string _endpoint = "";
    private string _model = "";

    /// <summary>
    /// <c>openai</c>: any OpenAI-compatible chat-completions endpoint (OpenAI, vLLM, llama.cpp server, LM Studio, and
    /// Ollama's <c>/v1</c>); <c>ollama</c>: Ollama's own API; <c>anthropic</c>: the Anthropic Messages API;
    /// <c>llamasharp</c>: a local GGUF model run in-process by llama.cpp (<see cref="ModelPath"/>).
    /// </summary>
    public string Provider { get; set; } = OpenAiProvider;

    /// <summary>
    /// Where the provider listens; empty means its usual address. <c>openai</c>: the API base ending in <c>/v1</c>
    /// (default <c>https://api.openai.com/v1</c>); <c>ollama</c>: the server (default <c>http://localhost:11434</c>);
    /// <c>anthropic</c>: the API host without <c>/v1</c> (default <c>https://api.anthropic.com</c>);
    /// <c>llamasharp</c>: not used.
    /// </summary>
    public string Endpoint
    {
        get => string.IsNullOrWhiteSpace(_endpoint) ? DefaultEndpoint(Provider) : _endpoint;
        set => _endpoint = value ?? "";
    }

    /// <summary>
    /// The model's name as the provider knows it (<c>gpt-4o-mini</c>, <c>llama3.1:8b</c>, <c>claude-sonnet-4-5</c>).
    /// For <c>llamasharp</c> it only labels answers and cache entries, and defaults to the file's name.
    /// </summary>
    public string Model
    {
        get => _model.Length == 0 && Is(LlamaSharpProvider) && !string.IsNullOrWhiteSpace(ModelPath) ? Path.GetFileNameWithoutExtension(ModelPath) : _model;
        set => _model = value ?? "";
    }

    /// <summary><c>llamasharp</c>: the GGUF model file, relative to the working directory.</summary>
    public string ModelPath { get; set; } = "";

    /// <summary>
    /// <c>llamasharp</c>: tokens of context for the prompt and answer together. The model's own maximum is not used:
    /// its key-value cache can take gigabytes.
    /// </summary>
    public int ContextSize { get; set; } = 4096;

    /// <summary>
    /// <c>anthropic</c> and <c>llamasharp</c>: the longest answer, in tokens, when the caller asks for no limit (the
    /// Anthropic API requires one; a local model would otherwise run to the end of its context).
    /// </summary>
    public int MaxOutputTokens { get; set; } = 2048;

    /// <summary>
    /// Secret. <c>openai</c>: may be empty for a loopback endpoint; <c>anthropic</c>: required; <c>ollama</c>: optional,
    /// sent as a bearer token (for a server behind an authenticating proxy); <c>llamasharp</c>: not used.
    /// </summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Per attempt, including reading the whole answer (<see cref="Resilience.ResilientChatClient"/>).</summary>
    public double TimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// Further attempts, at two levels: for a request that timed out, was rate-limited or failed (the same request
    /// again, <see cref="Resilience.ResilientChatClient"/>), and for an answer that was malformed or incomplete (the
    /// scorer asks again for the papers still missing, the writer for the entry).
    /// </summary>
    public int MaxRetries { get; set; } = 2;

    public LlmBatchSizes BatchSize { get; set; } = new();

    /// <summary>US dollars per million input tokens, for the estimated cost.</summary>
    public decimal InputPricePerMillion { get; set; }

    /// <summary>US dollars per million output tokens, for the estimated cost.</summary>
    public decimal OutputPricePerMillion { get; set; }

    /// <summary>Where answers are cached, relative to the working directory; empty turns the cache off.</summary>
    public string CacheDirectory { get; set; } = Path.Combine(".roundup", "cache", "llm");

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>A backstop for the HTTP clients only: the per-call timeout fires first and names itself.</summary>
    internal TimeSpan NetworkTimeout => Timeout + TimeSpan.FromSeconds(30);

    /// <summary>Everything wrong with these options, each naming its configuration key; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var known = Providers.Any(Is);
        Check(errors, known, nameof(Provider), Provider, $"must be one of {string.Join(", ", Providers)}");
        if (!Is(LlamaSharpProvider) && EndpointProblem() is { } problem)
        {
            errors.Add($"{SectionName}:{nameof(Endpoint)} {problem}");
        }

        Check(errors, Is(LlamaSharpProvider) || !string.IsNullOrWhiteSpace(Model), nameof(Model), Model, $"is missing: name the model, e.g. {ExampleModel()}");
        if (ApiKeyProblem() is { } keyProblem)
        {
            errors.Add($"{SectionName}:{nameof(ApiKey)} is missing: {keyProblem}");
        }

        if (Is(LlamaSharpProvider))
        {
            if (ModelPathProblem() is { } pathProblem)
            {
                errors.Add($"{SectionName}:{nameof(ModelPath)} {pathProblem}");
            }

            Check(errors, ContextSize is >= 128 and <= 1_048_576, nameof(ContextSize), ContextSize, "must be 128 to 1048576");
        }

        Check(errors, double.IsFinite(TimeoutSeconds) && TimeoutSeconds > 0, nameof(TimeoutSeconds), TimeoutSeconds, "must be more than 0");
        Check(errors, MaxRetries is >= 0 and <= 10, nameof(MaxRetries), MaxRetries, "must be 0 to 10");
        Check(errors, BatchSize.Title is >= 1 and <= 200, $"{nameof(BatchSize)}:{nameof(LlmBatchSizes.Title)}", BatchSize.Title, "must be 1 to 200");
        Check(errors, BatchSize.Abstract is >= 1 and <= 100, $"{nameof(BatchSize)}:{nameof(LlmBatchSizes.Abstract)}", BatchSize.Abstract, "must be 1 to 100");
        Check(errors, InputPricePerMillion >= 0, nameof(InputPricePerMillion), InputPricePerMillion, "must be 0 or more");
        Check(errors, OutputPricePerMillion >= 0, nameof(OutputPricePerMillion), OutputPricePerMillion, "must be 0 or more");
        Check(errors, MaxOutputTokens >= 1, nameof(MaxOutputTokens), MaxOutputTokens, "must be 1 or more");
        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem <see cref="Validate"/> finds.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid LLM options: " + string.Join("; ", errors), nameof(LlmOptions));
        }
    }

    /// <summary>The estimated cost in US dollars of this many tokens.</summary>
    public decimal Cost(long inputTokens, long outputTokens) =>
        ((inputTokens * InputPricePerMillion) + (outputTokens * OutputPricePerMillion)) / 1_000_000m;

    /// <summary>Never shows the key.</summary>
    public override string ToString() =>
        $"{Provider} {(Is(LlamaSharpProvider) ? ModelPath : Endpoint)} {Model} (key {(string.IsNullOrEmpty(ApiKey) ? "none" : "set")})";

    /// <summary>Whether <see cref="Provider"/> is <paramref name="provider"/> (case does not matter).</summary>
    public bool Is(string provider) => string.Equals(Provider?.Trim(), provider, StringComparison.OrdinalIgnoreCase);

    private static string DefaultEndpoint(string? provider) => provider?.Trim().ToUpperInvariant() switch
    {
        "OLLAMA" => "http://localhost:11434",
        "ANTHROPIC" => "https://api.anthropic.com",
        "LLAMASHARP" => "",
        _ => "https://api.openai.com/v1",
    };

    private string ExampleModel() =>
        Is(OllamaProvider) ? "llama3.1:8b" : Is(AnthropicProvider) ? "claude-sonnet-4-5" : "gpt-4o-mini";

    private string? EndpointProblem()
    {
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return $"'{Endpoint}' must be an absolute http(s) URL";
        }

        if (!string.IsNullOrEmpty(url.Query))
        {
            return $"'{Endpoint}' must not have a query";
        }

        var endsInV1 = url.AbsolutePath.TrimEnd('/').EndsWith("/v1", StringComparison.Ordinal);
        if (Is(OllamaProvider))
        {
            return endsInV1 ? $"'{Endpoint}' is Ollama's OpenAI-compatible path: drop /v1 (e.g. http://localhost:11434), or use Provider {OpenAiProvider} with it"
                : url.AbsolutePath.TrimEnd('/').EndsWith("/api", StringComparison.Ordinal) ? $"'{Endpoint}' must be the server without /api, e.g. http://localhost:11434"
                : null;
        }

        if (Is(AnthropicProvider))
        {
            return endsInV1 ? $"'{Endpoint}' must not end in /v1 (the client adds it), e.g. https://api.anthropic.com" : null;
        }

        return endsInV1 ? null : $"'{Endpoint}' must end in /v1, e.g. https://api.openai.com/v1";
    }

    private string? ApiKeyProblem()
    {
        if (!string.IsNullOrWhiteSpace(ApiKey) || Is(OllamaProvider) || Is(LlamaSharpProvider))
        {
            return null;
        }

        if (Is(AnthropicProvider))
        {
            return "the Anthropic API needs one";
        }

        return Uri.TryCreate(Endpoint, UriKind.Absolute, out var url) && !url.IsLoopback
            ? "only a local (loopback) endpoint may go without one"
            : null;
    }

    private string? ModelPathProblem()
    {
        if (string.IsNullOrWhiteSpace(ModelPath))
        {
            return "is missing: give the path of a .gguf model file";
        }

        if (!File.Exists(ModelPath))
        {
            return $"= '{ModelPath}' does not exist (relative paths start at {Directory.GetCurrentDirectory()})";
        }

        try
        {
            using var file = File.OpenRead(ModelPath);
            Span<byte> magic = stackalloc byte[4];
            return file.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual("GGUF"u8)
                ? null
                : $"= '{ModelPath}' is not a GGUF file (it does not start with 'GGUF')";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"= '{ModelPath}' cannot be read: {e.Message}";
        }
    }

    private static void Check(List<string> errors, bool ok, string key, object value, string rule)
    {
        if (!ok)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{key} = '{value}' {rule}"));
        }
    }
}
