using System.Globalization;
using System.Text;
using System.Text.Json;
using Roundup.FullText;
using Roundup.FullText.Facts;

namespace Roundup.Cli.Output;

/// <summary>
/// A paper's extracted evidence as text (paragraphs shortened; every piece of the paper through
/// <see cref="TerminalText"/>) or JSON (whole).
/// </summary>
public static class EvidencePrinter
{
    private const int MaxTableRows = 12;

    public static string Text(PaperEvidence e)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{S(e.Title)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  from {e.Format} {S(e.Source)}: {e.Sections.Count} sections, {e.Captions.Count} captions, {e.Tables.Count} tables, {e.References.Count} references");
        if (e.Abstract.Length > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  abstract: {Short(e.Abstract, 300)}");
        }

        text.AppendLine();
        foreach (var s in e.Sections)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{new string(' ', 2 * Math.Max(0, s.Level - 1))}{S(s.Heading)}  [{s.Kind}, {s.Paragraphs.Count} paragraphs]");
            if (s.Paragraphs.Count > 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{new string(' ', 2 * Math.Max(0, s.Level - 1))}  {Short(s.Paragraphs[0], 160)}");
            }
        }

        foreach (var caption in e.Captions.Take(20))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"caption: {Short(caption, 160)}");
        }

        foreach (var t in e.Tables)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"table: {S(t.Name)}{(t.Page is { } page ? $" (page {page})" : "")}{(t.InAppendix ? " (appendix)" : "")}: {Short(t.Caption, 100)}");
            foreach (var row in t.Rows.Take(MaxTableRows))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {Short(string.Join(" | ", row), 160)}");
            }

            if (t.Rows.Count > MaxTableRows)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  … {t.Rows.Count - MaxTableRows} more row(s)");
            }
        }

        var facts = FactExtractor.Extract(e);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Facts ({facts.Count}), each with its source sentence:");
        foreach (var group in facts.GroupBy(f => f.Kind))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {group.Key}:");
            foreach (var f in group)
            {
                // A table fact's source is its cells (table, row, column, text): shown whole enough to find them.
                text.AppendLine(CultureInfo.InvariantCulture, $"    {S(f.Value)}  — {(f.QuotesPaper ? $"\"{Short(f.Sentence, 140)}\"" : Short(f.Sentence, f.FromTable ? 300 : 140))} [{S(f.Section)}]");
            }
        }

        text.AppendLine();
        text.AppendLine(e.HiddenText.Count == 0 ? "Hidden text: none found" : $"HIDDEN TEXT: {e.HiddenText.Count} finding(s), removed from the evidence any scorer or model sees:");
        foreach (var h in e.HiddenText)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {h.Kind} at {S(h.Location)}: \"{Short(h.Text, 160)}\"");
        }

        foreach (var w in e.Warnings)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"warning: {S(w)}");
        }

        return text.ToString();
    }

    public static string Json(PaperEvidence e) => CliJson.Serialize(new { evidence = e, facts = FactExtractor.Extract(e) });

    private static string Short(string s, int max) => S(s.Length <= max ? s : s[..(max - 1)] + "…");

    private static string S(string? text) => TerminalText.Line(text);
}
