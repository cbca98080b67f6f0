namespace Roundup.Application.Settings;

/// <summary>
/// A source as the user names it: <c>oai</c>, <c>api</c>, <c>rss</c>, or <c>file:PATH</c> where PATH may end in a
/// wildcard pattern (<c>file:data/2025-06-2*.jsonl</c>), expanded here since the shell cannot see past <c>file:</c>.
/// </summary>
public sealed record SourceSpec(string Kind, IReadOnlyList<string> Files)
{
    public static readonly string[] NetworkKinds = ["oai", "api", "rss"];

    public bool IsFile => Kind == "file";

    public static string? Validate(string text) =>
        NetworkKinds.Contains(text, StringComparer.OrdinalIgnoreCase) || text.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"'{text}' is not a source (use oai, api, rss or file:PATH)";

    public static SourceSpec Parse(string text)
    {
        if (Validate(text) is { } error)
        {
            throw new UsageException(error);
        }

        if (!text.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return new SourceSpec(text.ToLowerInvariant(), []);
        }

        var files = Expand(text["file:".Length..]);
        return files.Count > 0 ? new SourceSpec("file", files) : throw new UsageException($"'{text}' matches no file");
    }

    /// <summary>
    /// Expands a path whose last part may hold * or ? into the matching files, sorted. A folder is refused rather
    /// than read whole: it may hold other files (a 4.5 GB snapshot beside the listings), and a wildcard says which.
    /// </summary>
    public static IReadOnlyList<string> Expand(string path)
    {
        var name = Path.GetFileName(path);
        if (name.IndexOfAny(['*', '?']) < 0)
        {
            if (Directory.Exists(path))
            {
                throw new UsageException($"{path} is a folder, not a file: name its files, e.g. {Path.Combine(path, "*.jsonl")}");
            }

            return File.Exists(path) ? [Path.GetFullPath(path)] : [];
        }

        var directory = Path.GetDirectoryName(path) is { Length: > 0 } d ? d : ".";
        return Directory.Exists(directory)
            ? Directory.GetFiles(directory, name).Select(Path.GetFullPath).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    public override string ToString() => IsFile ? $"file:{string.Join(',', Files.Select(Path.GetFileName))}" : Kind;
}
