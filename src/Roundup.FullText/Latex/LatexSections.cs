using System.Text.RegularExpressions;
using Roundup.FullText.Latex.Tables;

namespace Roundup.FullText.Latex;

/// <summary>
/// Splits a document body at its sectioning commands and adds each part's paragraphs as plain text, and each table
/// where its marker stands, so it belongs to its section.
/// </summary>
internal static partial class LatexSections
{
    public static void Read(string body, EvidenceBuilder builder, ReadBudget budget, LatexTableFloats? tables = null)
    {
        var matches = Heading().Matches(body);
        var position = 0;
        foreach (Match m in matches)
        {
            budget.Check();
            if (m.Index < position)
            {
                continue;
            }

            AddParagraphs(body[position..m.Index], builder, budget, tables);
            if (m.Groups["cmd"].Value == "appendix")
            {
                builder.InAppendix = true;
                position = m.Index + m.Length;
                continue;
            }

            var i = LatexScanner.ReadOptional(body, m.Index + m.Length, out var afterShort) is null ? m.Index + m.Length : afterShort;
            var title = LatexScanner.ReadGroup(body, i, out var end);
            var level = m.Groups["cmd"].Value switch { "chapter" or "section" => 1, "subsection" => 2, _ => 3 };
            builder.StartSection(title is null ? "" : LatexCleaner.ToPlain(title), level);
            position = title is null ? m.Index + m.Length : end;
        }

        if (!builder.HasSection)
        {
            builder.Warn("no \\section commands; the body is read as one section");
            builder.StartSection("", 1);
        }

        AddParagraphs(body[position..], builder, budget, tables);
    }

    private static void AddParagraphs(string text, EvidenceBuilder builder, ReadBudget budget, LatexTableFloats? tables)
    {
        foreach (var (part, table) in LatexTableFloats.Split(text))
        {
            foreach (var paragraph in ParagraphBreak().Split(RunInHeadings(part)))
            {
                budget.Check();
                builder.AddParagraph(LatexCleaner.ToPlain(paragraph));
            }

            if (table is { } index)
            {
                tables?.Add(index);
            }
        }
    }

    /// <summary><c>\paragraph{Setup.}</c> becomes a run-in lead: a new paragraph starting "Setup. ".</summary>
    private static string RunInHeadings(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        var last = 0;
        foreach (Match m in RunInHeading().Matches(text))
        {
            if (m.Index < last || LatexScanner.ReadGroup(text, m.Index + m.Length, out var end) is not { } title)
            {
                continue;
            }

            var lead = title.TrimEnd();
            sb.Append(text, last, m.Index - last).Append("\n\n").Append(lead);
            if (lead.Length > 0 && !char.IsPunctuation(lead[^1]))
            {
                sb.Append('.');
            }

            sb.Append(' ');
            last = end;
        }

        sb.Append(text, last, text.Length - last);
        return sb.ToString();
    }

    [GeneratedRegex(@"\\(?<cmd>chapter|section|subsection|subsubsection|appendix)(?![A-Za-z])\*?", RegexOptions.CultureInvariant)]
    private static partial Regex Heading();

    [GeneratedRegex(@"\\(?:sub)?paragraph\*?(?![A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex RunInHeading();

    [GeneratedRegex(@"\n[ \t]*\n|\\par(?![A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex ParagraphBreak();
}
