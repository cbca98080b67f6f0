using System.Text.RegularExpressions;

namespace Roundup.FullText.Pdf;

/// <summary>
/// Recognises section headings among lines: numbered ("2.1 Model", "A Details", "IV. RESULTS") or well-known
/// unnumbered ones, set in bold, larger or capitals. Numbers must follow on from the previous heading, which keeps
/// list items, table rows and footnotes out.
/// </summary>
internal sealed partial class PdfHeadings(double bodySize)
{
    private static readonly HashSet<string> KnownHeadings = new(StringComparer.OrdinalIgnoreCase)
    {
        "abstract", "introduction", "related work", "background", "method", "methods", "methodology", "approach", "experiments",
        "experimental setup", "results", "discussion", "conclusion", "conclusions", "conclusions and future work", "limitations",
        "ethics statement", "ethical considerations", "broader impact", "broader impacts", "acknowledgments", "acknowledgements",
        "acknowledgment", "acknowledgement", "references", "bibliography", "appendix", "appendices", "supplementary material", "keywords",
    };

    private int _top;
    private char _letter = '@';
    private int _roman;

    public bool AppendixAllowed { get; set; }

    public bool TryRead(PdfLine line, out string heading, out int level, out bool appendix)
    {
        heading = line.Text.Trim();
        level = 1;
        appendix = false;
        // Small capitals (REVTeX, ACM) are set smaller than the body; other headings are never smaller.
        if (heading.Length is < 4 or > 100 || line.FontSize < bodySize - (IsCaps(heading) ? 3 : 0.6))
        {
            return false;
        }

        var styled = line.Bold || line.FontSize > bodySize + 0.8;
        var bare = heading.TrimEnd(':', '.').Trim();
        if (KnownHeadings.Contains(bare) && (styled || IsCaps(bare)))
        {
            appendix = bare.StartsWith("append", StringComparison.OrdinalIgnoreCase);
            return true;
        }

        if (AppendixHeading().IsMatch(heading) && styled)
        {
            AppendixAllowed = true;
            appendix = true;
            return true;
        }

        var m = Numbered().Match(heading);
        if (!m.Success || !LooksLikeTitle(m.Groups["title"].Value) || !(styled || IsCaps(m.Groups["title"].Value)))
        {
            return false;
        }

        var number = m.Groups["num"].Value;
        var parts = number.Split('.');
        level = parts.Length;
        if (int.TryParse(parts[0], out var top))
        {
            return AcceptNumber(top, level);
        }

        if (RomanValue(parts[0]) is { } roman && m.Groups["dot"].Success)
        {
            if (level > 1 || (_roman != 0 && roman != _roman + 1))
            {
                return false;
            }

            _roman = roman;
            return true;
        }

        if (parts[0].Length == 1 && (AppendixAllowed || _letter > '@'))
        {
            var letter = parts[0][0];
            var ok = level == 1 ? letter == _letter + 1 || (_letter == '@' && letter <= 'C') : letter == _letter;
            if (ok)
            {
                _letter = letter;
                appendix = true;
            }

            return ok;
        }

        return false;
    }

    private bool AcceptNumber(int top, int level)
    {
        var ok = _top == 0 || (level == 1 ? top == _top + 1 || top == _top + 2 : top == _top || top == _top + 1);
        if (ok)
        {
            _top = top;
        }

        return ok;
    }

    private static bool LooksLikeTitle(string title)
    {
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var digits = title.Count(char.IsDigit);
        return words.Length is > 0 and <= 12 && digits * 5 <= title.Length && !title.EndsWith(',') && !title.EndsWith(';')
            && !title.Contains("http", StringComparison.OrdinalIgnoreCase) && title.Count(char.IsLetter) >= 3;
    }

    private static bool IsCaps(string s) => s.Any(char.IsLetter) && s.Where(char.IsLetter).All(char.IsUpper);

    private static int? RomanValue(string s) => s switch
    {
        "I" => 1, "II" => 2, "III" => 3, "IV" => 4, "V" => 5, "VI" => 6, "VII" => 7, "VIII" => 8, "IX" => 9, "X" => 10, "XI" => 11, "XII" => 12,
        _ => null,
    };

    [GeneratedRegex(@"^(?<num>(?:\d{1,2}|[A-Z]|[IVX]{1,4})(?:\.\d{1,2}){0,3})(?<dot>\.)?\s+(?<title>\p{Lu}.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Numbered();

    [GeneratedRegex(@"^(?:Appendix|APPENDIX|Appendices|Supplementary Material)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AppendixHeading();
}
