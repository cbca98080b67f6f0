using System.Text.Json;

namespace Roundup.Writing.Tldr;

/// <summary>
/// Reads SciTLDR (Cachola et al., 2020, "TLDR: Extreme Summarization of Scientific Documents", Apache-2.0), the
/// abstract-only files <c>SciTLDR-A_{train,dev,test}.jsonl</c>: one JSON object a line with <c>source</c> (the abstract's
/// sentences), <c>target</c> (one or more TL;DRs), <c>paper_id</c> and <c>title</c>.
/// </summary>
public static class SciTldrFile
{
    public static readonly IReadOnlyList<string> Splits = ["train", "dev", "test"];

    /// <summary>The file of one split in a SciTLDR folder.</summary>
    public static string PathOf(string folder, string split)
    {
        if (!Splits.Contains(split))
        {
            throw new ArgumentException($"unknown SciTLDR split '{split}': expected train, dev or test", nameof(split));
        }

        var path = Path.Combine(folder, $"SciTLDR-A_{split}.jsonl");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path}: no such file (expected a SciTLDR-A folder with SciTLDR-A_{split}.jsonl)", path);
    }

    public static IReadOnlyList<SciTldrPaper> ReadSplit(string folder, string split) => Read(PathOf(folder, split));

    public static IReadOnlyList<SciTldrPaper> Read(string path)
    {
        var papers = new List<SciTldrPaper>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                papers.Add(Parse(line));
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
            {
                throw new FormatException($"{path}:{lineNumber}: not a SciTLDR record: {e.Message}", e);
            }
        }

        return papers;
    }

    private static SciTldrPaper Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        var sentences = Strings(root, "source");
        var targets = Strings(root, "target");
        if (sentences.Count == 0 || targets.Count == 0)
        {
            throw new FormatException("'source' and 'target' must each hold at least one non-empty sentence");
        }

        var id = root.TryGetProperty("paper_id", out var p) ? p.GetString() ?? "" : "";
        var title = root.TryGetProperty("title", out var t) ? t.GetString() ?? "" : "";
        return new SciTldrPaper(id, title, sentences, targets);
    }

    private static List<string> Strings(JsonElement root, string property)
    {
        if (!root.TryGetProperty(property, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"'{property}' is missing or not an array");
        }

        return array.EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new FormatException($"'{property}' holds a {e.ValueKind}, not a string"))
            .Where(s => s.Trim().Length > 0)
            .ToList();
    }
}
