using System.Globalization;
using System.Text.RegularExpressions;

namespace Roundup.FullText.Facts.Doubts;

/// <summary>
/// Compute far beyond the baselines', when stated: a table with a parameters column where the paper's own row ("ours")
/// is at least ten times the largest other row, or a sentence saying the authors' method uses many times more
/// parameters, GPUs or compute than the baselines.
/// </summary>
internal static partial class ComputeCheck
{
    /// <summary>How many times the others' largest size the paper's own must be to count as far beyond it.</summary>
    public const double FarBeyond = 10;

    public static IEnumerable<Doubt> Find(PaperReading paper)
    {
        foreach (var table in paper.Evidence.Tables)
        {
            if (FromTable(table) is { } doubt)
            {
                yield return doubt;
                yield break;
            }
        }

        var sentence = paper.Own.FirstOrDefault(s => MoreThanOthers().IsMatch(s.Text) && s.Text.Contains(" than ", StringComparison.OrdinalIgnoreCase) && OwnMethod().IsMatch(s.Text) && !ThanOurs().IsMatch(s.Text));
        if (sentence is not null)
        {
            yield return new Doubt(DoubtKind.ComputeBeyondBaselines, "compute far beyond the baselines': " + MoreThanOthers().Match(sentence.Text).Value, sentence.Text, sentence.Section);
        }
    }

    private static Doubt? FromTable(EvidenceTable table)
    {
        if (table.Rows.Count < 2 || table.Rows.Any(r => r.Count != table.Rows[0].Count))
        {
            return null;
        }

        var header = table.Rows.Take(Math.Max(1, table.HeaderRows)).ToList();
        var column = Enumerable.Range(0, table.Rows[0].Count).FirstOrDefault(c => header.Any(r => SizeHeader().IsMatch(r[c])), -1);
        if (column < 0)
        {
            return null;
        }

        var rows = table.Rows.Skip(Math.Max(1, table.HeaderRows))
            .Select(r => (Name: r[0], Cell: r[column], Size: Size(r[column])))
            .Where(r => r.Size > 0)
            .ToList();
        var ours = rows.Where(r => Ours().IsMatch(r.Name)).ToList();
        var others = rows.Where(r => !Ours().IsMatch(r.Name)).ToList();
        if (ours.Count == 0 || others.Count == 0)
        {
            return null;
        }

        var own = ours.MinBy(r => r.Size);
        var largest = others.MaxBy(r => r.Size);
        if (own.Size < FarBeyond * largest.Size)
        {
            return null;
        }

        var columnName = header.Select(r => r[column]).LastOrDefault(c => SizeHeader().IsMatch(c)) ?? "";
        return new Doubt(
            DoubtKind.ComputeBeyondBaselines,
            $"compute far beyond the baselines': {own.Cell} against at most {largest.Cell} for the others",
            $"{table.Name}, row \"{own.Name}\", column \"{columnName}\": {own.Cell}; largest other, row \"{largest.Name}\": {largest.Cell}",
            table.Name) { Table = table.Name };
    }

    /// <summary>A size as printed ("7B", "340M", "1.3 billion", "175,000"), in units; 0 when the cell is no size.</summary>
    private static double Size(string cell)
    {
        var m = SizeValue().Match(cell);
        if (!m.Success || !double.TryParse(m.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
        {
            return 0;
        }

        return m.Groups["unit"].Value.ToUpperInvariant() switch
        {
            "T" or "TRILLION" => n * 1e12,
            "B" or "BILLION" => n * 1e9,
            "M" or "MILLION" => n * 1e6,
            "K" or "THOUSAND" => n * 1e3,
            _ => n,
        };
    }

    [GeneratedRegex(@"^\s*(#\s*)?(params?\.?|parameters|model size|#\s*param(eter)?s)(?![\w])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SizeHeader();

    [GeneratedRegex(@"^\s*~?(?<n>\d{1,3}(,\d{3})+|\d+(\.\d+)?)\s*(?<unit>T|B|M|K|trillion|billion|million|thousand)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SizeValue();

    [GeneratedRegex(@"\bours\b|\(ours\)|\bproposed\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Ours();

    [GeneratedRegex(@"\b(\d+(\.\d+)?\s*(×|x|times)|an order of magnitude|orders of magnitude)\s+(more|larger|bigger)\s+(compute|parameters|GPUs?|GPU[- ]hours|TPUs?|FLOPs|training (compute|tokens|steps))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoreThanOthers();

    [GeneratedRegex(@"\b(our|ours|we|proposed)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OwnMethod();

    [GeneratedRegex(@"\bthan\s+(our|ours|the proposed)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThanOurs();
}
