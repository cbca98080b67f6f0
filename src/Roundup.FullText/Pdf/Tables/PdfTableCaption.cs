using System.Text.RegularExpressions;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis;

namespace Roundup.FullText.Pdf.Tables;

/// <summary>A text block that starts with a table's caption ("Table 2:", "Table 2.", "TABLE II.").</summary>
internal sealed partial record PdfTableCaption(TextBlock Block, string Label, string Caption)
{
    public PdfRectangle Bounds => Block.BoundingBox;

    public IEnumerable<Word> Words => Block.TextLines.SelectMany(l => l.Words);

    public static PdfTableCaption? Read(TextBlock block)
    {
        if (block.TextLines.Count == 0 || Lead().Match(block.TextLines[0].Text.Trim()) is not { Success: true } match)
        {
            return null;
        }

        var label = "Table " + match.Groups["number"].Value;
        var text = string.Join("\n", block.TextLines.Select(l => l.Text.Trim()));
        return new PdfTableCaption(block, label, text[match.Length..].Trim());
    }

    [GeneratedRegex(@"^(?:Table|TABLE|Tab\.)\s*(?<number>\d+|[A-Z]\.?\d+|[IVXL]+)\s*[:.|]", RegexOptions.CultureInvariant)]
    private static partial Regex Lead();
}
