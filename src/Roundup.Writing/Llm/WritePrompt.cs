using Roundup.Llm.Prompts;

namespace Roundup.Writing.Llm;

/// <summary>
/// The writer's prompt file, <c>write.md</c>: built in, or the curator's own when their prompt folder (the one that
/// overrides the scoring prompts) has a file of that name.
/// </summary>
public static class WritePrompt
{
    public const string FileName = "write.md";

    private const string Resource = "Roundup.Writing.Llm.write.md";

    public static PromptTemplate Load(string? overrideDirectory = null)
    {
        var overridePath = overrideDirectory is null ? null : Path.Combine(overrideDirectory, FileName);
        if (overridePath is not null && File.Exists(overridePath))
        {
            return new PromptTemplate(FileName, Normalise(File.ReadAllText(overridePath)), Path.GetFullPath(overridePath));
        }

        using var stream = typeof(WritePrompt).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"embedded prompt '{Resource}' is missing");
        using var reader = new StreamReader(stream);
        return new PromptTemplate(FileName, Normalise(reader.ReadToEnd()), PromptLibrary.EmbeddedSource + FileName);
    }

    // As PromptLibrary does: a checkout's line endings must not change the hash, and so the cache key.
    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
