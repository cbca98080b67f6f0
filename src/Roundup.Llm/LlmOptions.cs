using System.Globalization;

namespace Roundup.Llm;

/// <summary>The configuration section <c>Llm</c>: which OpenAI-compatible endpoint and model score papers, and at what price.</summary>
public sealed class LlmOptions
{
    public const string SectionName = "Llm";

    public const string OpenAiProvider = "openai";

    /// <summary><c>openai</c>: any OpenAI-compatible chat-completions endpoint (OpenAI, vLLM, llama.cpp, Ollama...).</summary>
    public string Provider { get; set; } = OpenAiProvider;

    /// <summary>The API base, ending in <c>/v1</c>: <c>https://api.openai.com/v1</c>.</summary>
    public string Endpoint { get; set; } = "https://api.openai.com/v1";

    public string Model { get; set; } = "";

    /// <summary>Secret; may be empty for a local endpoint that needs none.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Per request, including reading the whole answer.</summary>
    public double TimeoutSeconds { get; set; } = 60;

    /// <summary>Further attempts for a batch whose answer was malformed, late or incomplete.</summary>
    public int MaxRetries { get; set; } = 2;

    public LlmBatchSizes BatchSize { get; set; } = new();

    /// <summary>US dollars per million input tokens, for the estimated cost.</summary>
    public decimal InputPricePerMillion { get; set; }

    /// <summary>US dollars per million output tokens, for the estimated cost.</summary>
    public decimal OutputPricePerMillion { get; set; }

    /// <summary>Where answers are cached, relative to the working directory; empty turns the cache off.</summary>
    public string CacheDirectory { get; set; } = Path.Combine(".roundup", "cache", "llm");

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>Everything wrong with these options, each naming its configuration key; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Check(errors, string.Equals(Provider, OpenAiProvider, StringComparison.OrdinalIgnoreCase), nameof(Provider), Provider, $"must be '{OpenAiProvider}' (any OpenAI-compatible endpoint)");
        if (EndpointProblem() is { } problem)
        {
            errors.Add($"{SectionName}:{nameof(Endpoint)} {problem}");
        }

        Check(errors, !string.IsNullOrWhiteSpace(Model), nameof(Model), Model, "is missing: name the model, e.g. gpt-4o-mini");
        if (string.IsNullOrWhiteSpace(ApiKey) && Uri.TryCreate(Endpoint, UriKind.Absolute, out var url) && !url.IsLoopback)
        {
            errors.Add($"{SectionName}:{nameof(ApiKey)} is missing: only a local (loopback) endpoint may go without one");
        }

        Check(errors, double.IsFinite(TimeoutSeconds) && TimeoutSeconds > 0, nameof(TimeoutSeconds), TimeoutSeconds, "must be more than 0");
        Check(errors, MaxRetries is >= 0 and <= 10, nameof(MaxRetries), MaxRetries, "must be 0 to 10");
        Check(errors, BatchSize.Title is >= 1 and <= 200, $"{nameof(BatchSize)}:{nameof(LlmBatchSizes.Title)}", BatchSize.Title, "must be 1 to 200");
        Check(errors, BatchSize.Abstract is >= 1 and <= 100, $"{nameof(BatchSize)}:{nameof(LlmBatchSizes.Abstract)}", BatchSize.Abstract, "must be 1 to 100");
        Check(errors, InputPricePerMillion >= 0, nameof(InputPricePerMillion), InputPricePerMillion, "must be 0 or more");
        Check(errors, OutputPricePerMillion >= 0, nameof(OutputPricePerMillion), OutputPricePerMillion, "must be 0 or more");
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
        $"{Provider} {Endpoint} {Model} (key {(string.IsNullOrEmpty(ApiKey) ? "none" : "set")})";

    private string? EndpointProblem()
    {
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return $"'{Endpoint}' must be an absolute http(s) URL";
        }

        if (!url.AbsolutePath.TrimEnd('/').EndsWith("/v1", StringComparison.Ordinal))
        {
            return $"'{Endpoint}' must end in /v1, e.g. https://api.openai.com/v1";
        }

        return string.IsNullOrEmpty(url.Query) ? null : $"'{Endpoint}' must not have a query";
    }

    private static void Check(List<string> errors, bool ok, string key, object value, string rule)
    {
        if (!ok)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{key} = '{value}' {rule}"));
        }
    }
}
