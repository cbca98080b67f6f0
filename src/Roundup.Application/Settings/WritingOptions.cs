namespace Roundup.Application.Settings;

/// <summary>The configuration section <c>Writing</c>: who writes the summaries.</summary>
public sealed class WritingOptions
{
    public const string Offline = "offline";
    public const string Llm = "llm";

    /// <summary><c>offline</c> (the default: extractive, no model) or <c>llm</c> (the model in <c>Llm</c>, falling back to offline per paper).</summary>
    public string Writer { get; init; } = Offline;

    public bool UsesLlm => string.Equals(Writer, Llm, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<string> Validate()
    {
        if (!string.Equals(Writer, Offline, StringComparison.OrdinalIgnoreCase) && !UsesLlm)
        {
            yield return $"Writing:Writer '{Writer}' is not known (use offline or llm)";
        }
    }
}
