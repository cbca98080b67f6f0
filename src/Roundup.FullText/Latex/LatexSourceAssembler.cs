using System.Text.RegularExpressions;

namespace Roundup.FullText.Latex;

/// <summary>
/// Picks the main file of a submission and splices in its <c>\input</c>/<c>\include</c> files, looked up only among
/// the archive's own files (never on disk), with bounded depth, count and size.
/// </summary>
internal sealed partial class LatexSourceAssembler(IReadOnlyDictionary<string, string> files, string source, FullTextLimits limits, EvidenceBuilder builder)
{
    private int _includes;

    public string MainFile { get; private set; } = "";

    public string Assemble()
    {
        MainFile = FindMain();
        var text = Expand(files[MainFile], Path.GetDirectoryName(MainFile) ?? "", 0);
        if (text.Length > limits.MaxExpandedChars)
        {
            throw new FullTextException(source, $"the LaTeX source expands to more than {limits.MaxExpandedChars:N0} characters");
        }

        return text;
    }

    private string FindMain()
    {
        var candidates = files
            .Where(f => f.Key.EndsWith(".tex", StringComparison.OrdinalIgnoreCase) || files.Count == 1)
            .Where(f => DocumentClass().IsMatch(f.Value))
            .OrderByDescending(f => f.Value.Contains("\\begin{document}", StringComparison.Ordinal))
            .ThenBy(f => f.Key.Count(c => c == '/'))
            .ThenByDescending(f => Path.GetFileNameWithoutExtension(f.Key) is "main" or "ms" or "paper")
            .ThenByDescending(f => f.Value.Length)
            .ToList();
        if (candidates.Count == 0)
        {
            throw new FullTextException(source, files.Count == 0
                ? "the archive holds no .tex file"
                : $"no LaTeX main file (none of the {files.Count} text files has \\documentclass)");
        }

        if (candidates.Count > 1)
        {
            builder.Warn($"{candidates.Count} files have \\documentclass; read {candidates[0].Key}");
        }

        return candidates[0].Key;
    }

    private string Expand(string text, string directory, int depth)
    {
        return Include().Replace(text, m =>
        {
            var name = (m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value).Trim();
            if (depth >= limits.MaxIncludeDepth)
            {
                builder.Warn($"\\{m.Groups[1].Value}{{{name}}} not followed: deeper than {limits.MaxIncludeDepth} levels");
                return "";
            }

            if (++_includes > limits.MaxIncludes)
            {
                throw new FullTextException(source, $"the LaTeX source includes more than {limits.MaxIncludes} files");
            }

            if (Resolve(name, directory) is not { } path)
            {
                builder.Warn($"\\{m.Groups[1].Value}{{{name}}}: no such file in the source");
                return "";
            }

            var expanded = Expand(files[path], directory, depth + 1);
            return expanded.Length > limits.MaxExpandedChars
                ? throw new FullTextException(source, $"the LaTeX source expands to more than {limits.MaxExpandedChars:N0} characters")
                : "\n" + expanded + "\n";
        });
    }

    private string? Resolve(string name, string directory)
    {
        var clean = name.Replace('\\', '/').Trim('"');
        while (clean.StartsWith("./", StringComparison.Ordinal))
        {
            clean = clean[2..];
        }

        string[] tries = [clean, clean + ".tex", directory.Length > 0 ? $"{directory}/{clean}" : clean, directory.Length > 0 ? $"{directory}/{clean}.tex" : clean + ".tex"];
        return tries.FirstOrDefault(files.ContainsKey);
    }

    [GeneratedRegex(@"\\documentclass\s*[\[{]", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentClass();

    [GeneratedRegex(@"\\(input|include|subfile)\s*(?:\{([^{}]+)\}|\s([^\s{}\\]+))", RegexOptions.CultureInvariant)]
    private static partial Regex Include();
}
