using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Roundup.FullText.Latex.Tables;

namespace Roundup.FullText.Html.Tables;

/// <summary>
/// Reads the tables of a page (LaTeXML's <c>ltx_tabular</c> and plain <c>&lt;table&gt;</c>s, not LaTeXML's equation
/// tables) as evidence: cells laid out on a grid (<c>colspan</c> repeated, <c>rowspan</c> kept in its first row),
/// header rows (<c>&lt;thead&gt;</c> or rows of column <c>&lt;th&gt;</c>), bold cells, the caption of the table or its
/// figure, the label from LaTeXML's "Table N:" tag, and the section it sits in. Runs after hidden elements are removed.
/// </summary>
internal static partial class HtmlTables
{
    private const int MaxSpan = LatexCell.MaxSpan;

    public static void Read(IDocument document, EvidenceBuilder builder, ReadBudget budget)
    {
        var tables = document.QuerySelectorAll("table").OfType<IHtmlTableElement>().Where(IsDataTable).ToList();
        foreach (var table in tables.Where(t => t.ParentElement?.Closest("table") is not { } outer || !tables.Contains(outer)))
        {
            budget.Check();
            var (rows, bold, header) = Grid(table, budget);
            var (label, caption) = HtmlTableCaption.Of(table);
            var section = table.Closest("section.ltx_section, section.ltx_appendix, section.ltx_subsection, section.ltx_subsubsection");
            var heading = section?.Children.FirstOrDefault(c => c.ClassList.Contains("ltx_title"));
            builder.AddTable(rows, new EvidenceTable([])
            {
                Label = label,
                Caption = caption,
                HeaderRows = header,
                Bold = bold,
                Section = heading is null ? "" : HtmlText.Of(heading),
                InAppendix = table.Closest("section.ltx_appendix") is not null,
            });
        }
    }

    private static bool IsDataTable(IElement table) =>
        table.ClassList.Contains("ltx_tabular") || !table.ClassList.Any(c => c.StartsWith("ltx_", StringComparison.Ordinal));

    private static (List<List<string>> Rows, List<TableCell> Bold, int Header) Grid(IHtmlTableElement table, ReadBudget budget)
    {
        var grid = new List<List<string>>();
        var bold = new List<TableCell>();
        var pending = new Dictionary<(int Row, int Column), bool>();
        var header = 0;
        var headerDone = false;
        foreach (var row in table.Rows)
        {
            budget.Check();
            var r = grid.Count;
            var line = new List<string>();
            foreach (var cell in row.Cells)
            {
                while (pending.Remove((r, line.Count)))
                {
                    line.Add("");
                }

                var text = CellText(cell);
                var isBold = text.Length > 0 && HtmlBold.Covers(cell, text);
                var columns = Span(cell, "colspan");
                var rowSpan = Span(cell, "rowspan");
                for (var k = 0; k < columns; k++)
                {
                    if (isBold)
                    {
                        bold.Add(new TableCell(r, line.Count));
                    }

                    for (var below = 1; below < rowSpan; below++)
                    {
                        pending[(r + below, line.Count)] = true;
                    }

                    line.Add(text);
                }
            }

            while (pending.Remove((r, line.Count)))
            {
                line.Add("");
            }

            if (!headerDone && line.Any(c => c.Length > 0))
            {
                if (IsHeader(row))
                {
                    header = r + 1;
                }
                else
                {
                    headerDone = true;
                }
            }

            grid.Add(line);
        }

        return (grid, bold, header);
    }

    /// <summary>A span as written, capped: browsers cap it too, and a huge one is a typo or an attack on memory.</summary>
    private static int Span(IElement cell, string attribute) =>
        long.TryParse(cell.GetAttribute(attribute)?.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? (int)Math.Clamp(n, 1, MaxSpan)
            : 1;

    private static bool IsHeader(IHtmlTableRowElement row) =>
        row.ParentElement?.LocalName == "thead"
        || (row.Cells.Length > 0 && row.Cells.All(c => c.LocalName == "th" && !c.ClassList.Contains("ltx_th_row")));

    /// <summary>The cell's text with its math as a table shows it ("±", "72.1†"), not as TeX source.</summary>
    private static string CellText(IElement cell)
    {
        var copy = (IElement)cell.Clone();
        foreach (var math in copy.QuerySelectorAll("math").ToList())
        {
            var tex = math.GetAttribute("alttext");
            math.Replace(copy.Owner!.CreateTextNode(string.IsNullOrWhiteSpace(tex) ? math.TextContent : LatexCellText.MathText(tex)));
        }

        return HtmlText.Of(copy);
    }
}
