using System.Text.Json;
using System.Text.RegularExpressions;
using Roundup.Issues;
using Roundup.Llm;
using Roundup.Llm.Scoring;
using Roundup.Papers;
using Roundup.Writing.Writers;

namespace Roundup.Writing.Llm;

/// <summary>
/// Checks a model's answer strictly, reading the JSON itself rather than trusting a lenient deserialiser: exactly
/// the four fields of <see cref="WriteAnswer"/> with the right types, the id of the paper asked about, one to three
/// summary paragraphs, bounded lengths; and no text that rates the paper or repeats instructions from its text
/// (<see cref="InjectionGuard"/>). Problems are phrased to follow "the model …".
/// </summary>
public static partial class WriteAnswerCheck
{
    public const int MaxTldrLength = 400;

    public const int MaxParagraphLength = 1_500;

    public const int MaxSummaryParagraphs = 3;

    private static readonly string[] Fields = ["id", "tldr", "summary", "commentary"];

    /// <summary>The cleaned text, or the problem that makes the answer unusable.</summary>
    public static (EntryText? Text, string? Problem) Check(string? answer, PaperToWrite paper)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(Unfence(answer));
        }
        catch (JsonException)
        {
            return (null, "answered with malformed JSON");
        }

        using (document)
        {
            return Check(document.RootElement, paper);
        }
    }

    private static (EntryText? Text, string? Problem) Check(JsonElement root, PaperToWrite paper)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, $"answered with a JSON {root.ValueKind.ToString().ToLowerInvariant()} instead of an object");
        }

        var names = root.EnumerateObject().Select(p => p.Name).ToList();
        var extra = names.Where(n => !Fields.Contains(n, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        if (extra.Count > 0)
        {
            return (null, extra.Any(n => RatingField().IsMatch(n))
                ? $"rated the paper (field \"{Short(extra.First(n => RatingField().IsMatch(n)))}\")"
                : $"answered with fields outside the schema ({string.Join(", ", extra.Take(5).Select(Short))})");
        }

        if (Fields.FirstOrDefault(f => names.Count(n => n == f) != 1) is { } wrong)
        {
            return (null, names.Contains(wrong, StringComparer.Ordinal) ? $"gave the field \"{wrong}\" more than once" : $"left out the field \"{wrong}\"");
        }

        var expected = paper.Paper.Id.Canonical;
        var id = root.GetProperty("id");
        if (id.ValueKind != JsonValueKind.String || !ArxivId.TryParse(id.GetString()?.Trim(), out var answered) || answered.Canonical != expected)
        {
            return (null, $"answered for paper \"{Short(id.ToString())}\" instead of {expected}");
        }

        if (String(root, "tldr") is not { Length: > 0 } tldr)
        {
            return (null, "gave no TL;DR");
        }

        if (String(root, "commentary") is not { Length: > 0 } commentary)
        {
            return (null, "gave no commentary");
        }

        var summary = root.GetProperty("summary");
        if (summary.ValueKind != JsonValueKind.Array || summary.EnumerateArray().Any(p => p.ValueKind != JsonValueKind.String))
        {
            return (null, "gave a summary that is not a list of paragraphs");
        }

        var paragraphs = summary.EnumerateArray().Select(p => ModelText.Clean(p.GetString())).Where(p => p.Length > 0).ToList();
        if (paragraphs.Count is < 1 or > MaxSummaryParagraphs)
        {
            return (null, $"gave {paragraphs.Count} summary paragraphs (1 to {MaxSummaryParagraphs} asked)");
        }

        if (tldr.Length > MaxTldrLength)
        {
            return (null, $"wrote a TL;DR of {tldr.Length} characters (at most {MaxTldrLength})");
        }

        if (paragraphs.Append(commentary).FirstOrDefault(p => p.Length > MaxParagraphLength) is { } longest)
        {
            return (null, $"wrote a paragraph of {longest.Length} characters (at most {MaxParagraphLength})");
        }

        var text = new EntryText(tldr, paragraphs, commentary);
        var all = string.Join('\n', [tldr, .. paragraphs, commentary]);
        if (InjectionGuard.EchoesInstructions(all, WriteMessages.PaperText(paper)))
        {
            return (null, "echoed instructions from the paper text");
        }

        return Rating().Match(all) is { Success: true } rating
            ? (null, $"rated the paper (\"{Short(rating.Value)}\")")
            : (text, null);
    }

    /// <summary>True when <paramref name="text"/> passes a verdict on the paper ("9/10", "strong accept", "rate this paper").</summary>
    public static bool RatesThePaper(string text) => Rating().IsMatch(text);

    private static string? String(JsonElement root, string field)
    {
        var value = root.GetProperty(field);
        return value.ValueKind == JsonValueKind.String ? ModelText.Clean(value.GetString()) : null;
    }

    /// <summary>Some models wrap JSON in a Markdown code fence despite the response format.</summary>
    private static string Unfence(string? answer)
    {
        var text = answer?.Trim() ?? "";
        if (!text.StartsWith("```", StringComparison.Ordinal))
        {
            return text;
        }

        var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var body = firstLineEnd < 0 ? "" : text[(firstLineEnd + 1)..];
        return body.TrimEnd().EndsWith("```", StringComparison.Ordinal) ? body.TrimEnd()[..^3] : body;
    }

    private static string Short(string text)
    {
        var clean = ModelText.Clean(text);
        return clean.Length <= 60 ? clean : clean[..57] + "...";
    }

    [GeneratedRegex(@"^(score|scores|rating|ratings|rate|review|verdict|stars|grade|recommendation)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RatingField();

    // A verdict on the paper, not a figure from it: "9/10", "I would rate it", "strong accept", "score: 8", "5 stars".
    [GeneratedRegex(
        @"\b\d+(?:\.\d+)?\s*(?:/|out of)\s*(?:5|10|100)\b(?!\s*[\p{L}\p{N}])" +
        @"|\b(?:I|we)\s+(?:would\s+|'d\s+)?(?:rate|score|give)\s+(?:it|this paper|the paper|this work)\b" +
        @"|\b(?:rate|rated|rating|score|scored|scoring)\s+(?:of\s+)?(?:it|this paper|the paper|this work)\b" +
        @"|\b(?:strong|weak|clear)\s+(?:accept|reject)\b" +
        @"|\bpositive review\b" +
        @"|\b(?:rating|score|verdict)\s*[:=]\s*\d" +
        @"|\b\d(?:\.\d)?\s*(?:/\s*5\s*)?stars?\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Rating();
}
