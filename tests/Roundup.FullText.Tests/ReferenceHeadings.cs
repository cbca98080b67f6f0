using System.Text.Json;

namespace Roundup.FullText.Tests;

/// <summary>Section headings from the other tools' parses stored beside the shared PDFs.</summary>
internal static class ReferenceHeadings
{
    /// <summary>GROBID via S2ORC JSON: the distinct section names of the body paragraphs, in order.</summary>
    public static List<string> FromS2orc(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var headings = new List<string>();
        foreach (var paragraph in json.RootElement.GetProperty("pdf_parse").GetProperty("body_text").EnumerateArray())
        {
            var section = paragraph.GetProperty("section").GetString() ?? "";
            if (section.Length > 0 && section != "annex" && !headings.Contains(section))
            {
                headings.Add(section);
            }
        }

        return headings;
    }

    /// <summary>docling's Markdown: the "##" lines after the first (the title).</summary>
    public static List<string> FromDoclingMarkdown(string path) =>
        File.ReadLines(path).Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Skip(1).Select(l => l[3..].Trim()).ToList();

    /// <summary>
    /// PaperMage stores rows and tokens with fonts but no sections: headings are taken as rows set wholly in the bold
    /// font and in capitals (ACM style), consecutive rows joined.
    /// </summary>
    public static List<string> FromPaperMage(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var symbols = json.RootElement.GetProperty("symbols").GetString() ?? "";
        var entities = json.RootElement.GetProperty("entities");
        var tokens = entities.GetProperty("tokens").EnumerateArray()
            .Select(t => (Span: Span(t), Font: t.TryGetProperty("metadata", out var m) && m.TryGetProperty("fontname", out var f) ? f.GetString() ?? "" : ""))
            .ToList();
        var headings = new List<string>();
        var previousWasHeading = false;
        foreach (var row in entities.GetProperty("rows").EnumerateArray())
        {
            var (start, end) = Span(row);
            var text = symbols[start..end].Trim();
            var fonts = tokens.Where(t => t.Span.Start >= start && t.Span.End <= end).Select(t => t.Font).ToList();
            var heading = fonts.Count > 0 && fonts.All(f => f.EndsWith("TB", StringComparison.Ordinal)) && text.Count(char.IsLetter) >= 4
                && text.Where(char.IsLetter).All(char.IsUpper);
            if (heading && previousWasHeading)
            {
                headings[^1] += " " + text;
            }
            else if (heading)
            {
                headings.Add(text);
            }

            previousWasHeading = heading;
        }

        return headings;
    }

    private static (int Start, int End) Span(JsonElement entity)
    {
        var span = entity.GetProperty("spans")[0];
        return (span[0].GetInt32(), span[1].GetInt32());
    }
}
