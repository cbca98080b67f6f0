using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Roundup.Llm;

/// <summary>
/// Which model answers and every setting that changes its answers, for scorer ids (so stage hashes) and cache keys.
/// Left out: the key, timeouts, retries, prices and the cache folder, which change whether or what it costs to get
/// an answer, not the answer.
/// </summary>
/// <remarks>
/// A setting at its default is left out, so the default configuration keeps the label and cache keys it had before
/// these settings were counted (its cached answers stay valid).
/// </remarks>
public sealed class ModelIdentity
{
    /// <summary>Bytes read at each end of a GGUF file: its header names the model, the end holds tensor data.</summary>
    private const int FileSample = 1 << 20;

    private ModelIdentity(string name, IReadOnlyList<string> settings)
    {
        Name = name;
        Settings = settings;
        Label = name + Tag(settings);
    }

    /// <summary>The model and its provider unless <c>openai</c>: <c>gpt-4o-mini</c>, <c>llama3.1:8b@ollama</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// <see cref="Name"/> and a short hash of <see cref="Settings"/> when there are any, e.g.
    /// <c>qwen2.5-0.5b@llamasharp~1a2b3c4d</c>: what cache keys are made of.
    /// </summary>
    public string Label { get; }

    /// <summary>The answer-changing settings that are not at their defaults, as <c>key=value</c>.</summary>
    public IReadOnlyList<string> Settings { get; }

    public static ModelIdentity Of(LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var defaults = new LlmOptions { Provider = options.Provider };
        var provider = options.Provider.Trim().ToLowerInvariant();
        var settings = new List<string>();
        if (!options.Is(LlmOptions.LlamaSharpProvider) && Normalized(options.Endpoint) is var endpoint && endpoint != Normalized(defaults.Endpoint))
        {
            // The same model name on another server may be another build or quantisation of it.
            settings.Add($"{nameof(LlmOptions.Endpoint)}={endpoint}");
        }

        if (options.Is(LlmOptions.AnthropicProvider) || options.Is(LlmOptions.LlamaSharpProvider))
        {
            AddIfChanged(settings, nameof(LlmOptions.MaxOutputTokens), options.MaxOutputTokens, defaults.MaxOutputTokens);
        }

        if (options.Is(LlmOptions.LlamaSharpProvider))
        {
            AddIfChanged(settings, nameof(LlmOptions.ContextSize), options.ContextSize, defaults.ContextSize);
            settings.Add($"{nameof(LlmOptions.ModelPath)}={FileIdentity(options.ModelPath)}");
        }

        return new ModelIdentity(options.Model + (provider == LlmOptions.OpenAiProvider ? "" : "@" + provider), settings);
    }

    /// <summary><c>~</c> and 8 hex digits of a hash of <paramref name="settings"/>; empty when there are none.</summary>
    public static string Tag(IReadOnlyCollection<string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Count == 0
            ? ""
            : "~" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', settings))))[..8];
    }

    public override string ToString() => Label;

    private static void AddIfChanged(List<string> settings, string key, int value, int defaultValue)
    {
        if (value != defaultValue)
        {
            settings.Add(string.Create(CultureInfo.InvariantCulture, $"{key}={value}"));
        }
    }

    private static string Normalized(string endpoint) =>
        Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var url) ? url.GetLeftPart(UriPartial.Path).TrimEnd('/') : endpoint.Trim();

    /// <summary>
    /// The file's length and a hash of its first and last megabyte: another model under the same name differs in
    /// its header or its weights, and hashing gigabytes on every run would cost more than the run.
    /// </summary>
    private static string FileIdentity(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            var length = file.Length;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[(int)Math.Min(FileSample, length)];
            file.ReadExactly(buffer);
            hash.AppendData(buffer);
            file.Seek(-buffer.Length, SeekOrigin.End);
            file.ReadExactly(buffer);
            hash.AppendData(buffer);
            return string.Create(CultureInfo.InvariantCulture, $"{length}:{Convert.ToHexStringLower(hash.GetHashAndReset())[..16]}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InvalidOperationException($"{LlmOptions.SectionName}:{nameof(LlmOptions.ModelPath)} = '{path}' cannot be read to identify the model: {e.Message}", e);
        }
    }
}
