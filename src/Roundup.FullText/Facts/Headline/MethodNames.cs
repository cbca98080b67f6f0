using System.Text.RegularExpressions;

namespace Roundup.FullText.Facts.Headline;

/// <summary>
/// The names a paper gives its own method, most telling first: the name before a colon in the title
/// ("VeriSci: …"), a coinage the abstract introduces ("we propose X", "called X"), coinages in the title, then the
/// same in the body ("we develop a baseline (referred to as VeriSci)", a heading "VeriSci: Baseline model"). A name
/// the paper introduces as a dataset or benchmark ("we construct SciFact, a dataset of …") is not a method.
/// </summary>
public static partial class MethodNames
{
    public static IReadOnlyList<string> Find(PaperEvidence evidence)
    {
        var names = new List<string>();
        if (TitlePrefix().Match(evidence.Title) is { Success: true } prefix && (LooksLikeName(prefix.Groups["name"].Value) || IsShortName(prefix.Groups["name"].Value)))
        {
            Add(names, prefix.Groups["name"].Value);
        }

        Introduced(names, evidence.Abstract);
        foreach (Match m in Coinage().Matches(evidence.Title))
        {
            Add(names, m.Value);
        }

        foreach (var section in evidence.Sections.Where(s => s.Kind != SectionKind.RelatedWork))
        {
            if (TitlePrefix().Match(section.Heading) is { Success: true } heading && Coinage().IsMatch(heading.Groups["name"].Value))
            {
                Add(names, heading.Groups["name"].Value);
            }

            foreach (var paragraph in section.Paragraphs)
            {
                Introduced(names, paragraph);
            }
        }

        return names;
    }

    private static void Introduced(List<string> names, string text)
    {
        foreach (Match m in Introduction().Matches(text))
        {
            var after = text[(m.Index + m.Length)..Math.Min(text.Length, m.Index + m.Length + 30)];
            if (!DatasetWords().IsMatch(after) && LooksLikeName(m.Groups["name"].Value))
            {
                Add(names, m.Groups["name"].Value);
            }
        }
    }

    private static bool LooksLikeName(string name) =>
        name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3 && Coinage().IsMatch(name) && !CommonWords().IsMatch(name);

    // "Orca: Progressive Learning …": one or two capitalised words before the title's colon name the method too.
    private static bool IsShortName(string name) =>
        name.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: <= 2 } words && words.All(w => char.IsUpper(w[0])) && !CommonWords().IsMatch(words[0]);

    private static void Add(List<string> names, string name)
    {
        var clean = name.Trim().TrimEnd('.', ',', ';');
        if (clean.Length >= 2 && !names.Contains(clean, StringComparer.OrdinalIgnoreCase))
        {
            names.Add(clean);
        }
    }

    [GeneratedRegex(@"^\s*(?<name>[^:]{2,40}?)\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex TitlePrefix();

    // A made-up name: an inner capital (VeriSci, LLaMA), letters with digits (GPT-4, T5), or all capitals (BERT).
    [GeneratedRegex(@"\b[A-Za-z]*[a-z][A-Z][\w\-+]*|\b[A-Z][\w\-]*\d[\w\-]*|\b[A-Z]{2,}[\w\-+]*", RegexOptions.CultureInvariant)]
    private static partial Regex Coinage();

    [GeneratedRegex(@"\b(?:(?i:we)\s+(?:propose|introduce|present|develop|design|call|name|dub|term)|(?:referred\s+to\s+as|called|named|dubbed|coined|termed))\s+(?:(?:a|an|the|our)\s+(?:[\w\-]+\s+){0,4}?(?:called|named|dubbed|termed)\s+)?(?<name>[A-Z][\w\-+.]*(?:\s[A-Z][\w\-+.]*){0,2})", RegexOptions.CultureInvariant)]
    private static partial Regex Introduction();

    // Looked for in the few words after the name only ("SciFact, a dataset of …").
    [GeneratedRegex(@"\b(dataset|benchmark|corpus|suite|collection|test\s?bed|leaderboard)s?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatasetWords();

    [GeneratedRegex(@"^(The|A|An|We|Our|This|In|On|Figure|Table|Section|Appendix)$", RegexOptions.CultureInvariant)]
    private static partial Regex CommonWords();
}
