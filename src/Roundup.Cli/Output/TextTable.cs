using System.Text;

namespace Roundup.Cli.Output;

/// <summary>
/// Left-aligned first column, right-aligned numbers, columns padded to their widest cell. Cells are printed as
/// <see cref="TerminalText.Line"/>: a control character in a title can neither run nor break the row.
/// </summary>
public static class TextTable
{
    public static void Write(StringBuilder text, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        header = header.Select(TerminalText.Line).ToList();
        rows = rows.Select(r => (IReadOnlyList<string>)r.Select(TerminalText.Line).ToList()).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => i < r.Count ? r[i].Length : 0))).ToArray();
        Line(header);
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            Line(row);
        }

        void Line(IReadOnlyList<string> cells) =>
            text.AppendLine(string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd());
    }
}
