using System.Text;
using System.Text.RegularExpressions;

namespace Roundup.FullText.Latex.Tables;

/// <summary>
/// Reads the floats of a document body in order: each caption goes to the captions, each tabular becomes a table
/// with its float's caption and number ("Table 3" as LaTeX counts: table floats' numbered captions, and
/// <c>\captionof{table}</c>; a tabular in a figure is named as the figure) and its header rows and bold cells. The
/// float is replaced by a marker for each of its tables, so <see cref="LatexSections"/> adds them where they stand
/// (their section, after <c>\appendix</c> or not). Tabulars outside floats get no label.
/// </summary>
internal sealed partial class LatexTableFloats(EvidenceBuilder builder, ReadBudget budget)
{
    private static readonly string[] TableFloats = ["table", "table*", "wraptable", "SCtable", "sidewaystable", "sidewaystable*"];
    private static readonly string[] FigureFloats = ["figure", "figure*", "wrapfigure", "SCfigure", "sidewaysfigure", "sidewaysfigure*"];
    private static readonly string[] OtherFloats = ["algorithm", "algorithm*", "algorithmic", "tikzpicture", "picture", "subfigure"];
    private static readonly string[] Unread = ["comment", "verbatim", "verbatim*", "lstlisting", "minted"];
    private static readonly string[] LongTables = ["longtable", "supertabular", "longtblr"];

    private readonly List<(LatexGrid Grid, EvidenceTable Details)> _tables = [];
    private readonly HashSet<int> _added = [];
    private int _tableCount;
    private int _figureCount;

    /// <summary>The body with every float and free-standing tabular replaced by its table markers.</summary>
    public string Extract(string body)
    {
        string[] names = [.. TableFloats, .. FigureFloats, .. OtherFloats, .. Unread, .. LatexTables.Environments];
        var sb = new StringBuilder(body.Length);
        var last = 0;
        foreach (var env in LatexEnvironments.Find(body, names))
        {
            budget.Check();
            CountStrayCaptions(body[last..env.Start]);
            sb.Append(body, last, env.Start - last).Append(Read(env.Name, body[env.ContentStart..env.ContentEnd]));
            last = env.End;
        }

        return sb.Append(body, last, body.Length - last).ToString();
    }

    /// <summary>Splits text at table markers: the text between them, and for each marker its table's index.</summary>
    public static IEnumerable<(string Text, int? Table)> Split(string text)
    {
        var last = 0;
        foreach (Match m in Marker().Matches(text))
        {
            yield return (text[last..m.Index], int.Parse(m.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture));
            last = m.Index + m.Length;
        }

        yield return (text[last..], null);
    }

    /// <summary>Adds the table behind a marker, once.</summary>
    public void Add(int index)
    {
        if (index >= 0 && index < _tables.Count && _added.Add(index))
        {
            builder.AddTable(_tables[index].Grid.Rows, _tables[index].Details);
        }
    }

    /// <summary>Adds the tables whose markers the section reader never met (a float inside a dropped command).</summary>
    public void AddRest()
    {
        for (var i = 0; i < _tables.Count; i++)
        {
            Add(i);
        }
    }

    private string Read(string name, string content)
    {
        if (Unread.Contains(name, StringComparer.Ordinal))
        {
            return "\n\n";
        }

        if (LatexTables.Environments.Contains(name, StringComparer.Ordinal))
        {
            return FreeStanding(name, content);
        }

        var captions = LatexCaptions.Find(content).ToList();
        var numbers = new Dictionary<LatexCaption, string>();
        foreach (var caption in captions)
        {
            builder.AddCaption(LatexCleaner.ToPlain(caption.Source));
            if (caption.Numbered && Step(caption.OfType.Length > 0 ? caption.OfType : name) is { } label)
            {
                numbers[caption] = label;
            }
        }

        var tabulars = LatexEnvironments.Find(content, LatexTables.Environments).ToList();
        var mains = captions.Where(c => !c.Sub).ToList();
        var subs = captions.Where(c => c.Sub).ToList();
        var markers = new StringBuilder("\n\n");
        for (var k = 0; k < tabulars.Count; k++)
        {
            budget.Check();
            var tabular = tabulars[k];
            var main = mains.Count == tabulars.Count ? mains[k] : mains.FirstOrDefault();
            var nextStart = k + 1 < tabulars.Count ? tabulars[k + 1].Start : content.Length;
            var sub = subs.Count == tabulars.Count ? subs[k] : subs.FirstOrDefault(s => s.Start >= tabular.End && s.Start < nextStart);
            var caption = main is null ? "" : LatexCleaner.ToPlain(main.Source);
            if (sub is not null)
            {
                caption = $"{caption} ({(char)('a' + Math.Min(25, subs.IndexOf(sub)))}) {LatexCleaner.ToPlain(sub.Source)}".Trim();
            }

            var label = main is not null && numbers.TryGetValue(main, out var number) ? number : "";
            markers.Append(Pending(tabular.Name, content[tabular.ContentStart..tabular.ContentEnd], label, caption));
        }

        return markers.ToString();
    }

    /// <summary>A tabular outside any float: no label, unless it is a long table with its own caption.</summary>
    private string FreeStanding(string name, string content)
    {
        var label = "";
        var caption = "";
        if (LongTables.Contains(name, StringComparer.Ordinal) && LatexCaptions.Find(content).FirstOrDefault(c => !c.Sub) is { } own)
        {
            caption = LatexCleaner.ToPlain(own.Source);
            builder.AddCaption(caption);
            label = own.Numbered ? Step("table") ?? "" : "";
            content = content[..own.Start] + content[own.End..];
        }

        return "\n\n" + Pending(name, content, label, caption);
    }

    private string Pending(string name, string content, string label, string caption)
    {
        var grid = LatexTables.Read(name, content, budget);
        _tables.Add((grid, new EvidenceTable([]) { Label = label, Caption = caption, HeaderRows = grid.HeaderRows, Bold = grid.Bold }));
        return $"\uE002{_tables.Count - 1}\uE003\n\n";
    }

    /// <summary>Steps the counter of a float or caption type; the label it gives, or null for an unnumbered kind.</summary>
    private string? Step(string type)
    {
        if (TableFloats.Contains(type, StringComparer.Ordinal))
        {
            return $"Table {++_tableCount}";
        }

        return FigureFloats.Contains(type, StringComparer.Ordinal) ? $"Figure {++_figureCount}" : null;
    }

    private void CountStrayCaptions(string text)
    {
        foreach (var caption in LatexCaptions.Find(text).Where(c => c.Numbered && c.OfType.Length > 0))
        {
            Step(caption.OfType);
        }
    }

    [GeneratedRegex("\uE002(\\d+)\uE003", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}
