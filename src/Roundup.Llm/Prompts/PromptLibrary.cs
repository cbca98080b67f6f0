using System.Reflection;

namespace Roundup.Llm.Prompts;

/// <summary>
/// The prompts, read once: the built-in ones embedded in this assembly, each replaced by a same-named file in the
/// curator's override folder when there is one (<c>prompts/title.md</c>).
/// </summary>
public sealed class PromptLibrary
{
    public const string EmbeddedSource = "embedded:";

    private const string ResourcePrefix = "Roundup.Llm.Prompts.";

    private readonly Dictionary<string, PromptTemplate> _templates = new(StringComparer.Ordinal);

    /// <param name="overrideDirectory">A folder of <c>*.md</c> files replacing built-in prompts of the same name; may be absent.</param>
    public PromptLibrary(string? overrideDirectory = null)
    {
        OverrideDirectory = overrideDirectory;
        var assembly = typeof(PromptLibrary).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..];
            var overridePath = overrideDirectory is null ? null : Path.Combine(overrideDirectory, name);
            _templates[name] = overridePath is not null && File.Exists(overridePath)
                ? new PromptTemplate(name, Normalise(File.ReadAllText(overridePath)), Path.GetFullPath(overridePath))
                : new PromptTemplate(name, Normalise(ReadResource(assembly, resource)), EmbeddedSource + name);
        }
    }

    public string? OverrideDirectory { get; }

    public IReadOnlyCollection<PromptTemplate> Templates => _templates.Values;

    /// <summary>The template named like its file, <c>title.md</c>.</summary>
    public PromptTemplate Get(string name) =>
        _templates.TryGetValue(name, out var template)
            ? template
            : throw new KeyNotFoundException($"no prompt named '{name}'; known: {string.Join(", ", _templates.Keys.Order(StringComparer.Ordinal))}");

    public PromptTemplate For(ChatStage stage) => Get(FileName(stage));

    public static string FileName(ChatStage stage) => stage switch
    {
        ChatStage.Title => "title.md",
        ChatStage.Abstract => "abstract.md",
        ChatStage.Evidence => "evidence.md",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded prompt '{resource}' is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // Line endings must not change the hash (and so the scorer id) between a Windows and a Unix checkout.
    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
