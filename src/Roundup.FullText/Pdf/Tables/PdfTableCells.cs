using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig.Content;

namespace Roundup.FullText.Pdf.Tables;

/// <summary>What a cell's text is: a number as printed ("72.4 ± 0.3", "38.21*", "12%"), and whether it is set in bold.</summary>
internal static partial class PdfTableCells
{
    public static bool IsNumber(string text) => Number().IsMatch(text.Trim());

    /// <summary>A cell printed where a number would be, saying there is none ("—", "n/a").</summary>
    public static bool IsNoNumber(string text) => text.Trim() is "-" or "–" or "—" or "−" or "n/a" or "N/A" or "NA" or "n.a.";

    public static bool IsBold(IEnumerable<Word> words)
    {
        var letters = words.SelectMany(w => w.Letters).Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        return letters.Count > 0 && letters.Count(PdfHiddenLetters.IsBold) * 2 > letters.Count;
    }

    /// <summary>Words of one cell, left to right; a footnote mark that touches the word before it stays attached ("38.21*").</summary>
    public static string Text(IEnumerable<Word> words)
    {
        var sb = new StringBuilder();
        Word? previous = null;
        foreach (var word in words.OrderBy(w => w.BoundingBox.Left))
        {
            if (previous is not null && word.BoundingBox.Left - previous.BoundingBox.Right > PdfTableRows.SizeOf(previous) * 0.12)
            {
                sb.Append(' ');
            }

            sb.Append(word.Text);
            previous = word;
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^(?=.*\d)[(\[]?[-−–+]?(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d+)?\s?%?(?:\s*(?:±|\+/-|\+-)\s*\d*(?:\.\d+)?%?)?[)\]]?\s?[*†‡§¶∗⋆]{0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
