using System.Globalization;
using System.Xml;
using Roundup.Issues;
using Roundup.Publishing.Feeds;
using Roundup.Publishing.Text;

namespace Roundup.Publishing.Archive;

/// <summary>
/// The week's funnel as an SVG figure: one row per stage with a bar for the papers that entered it and, over it, a
/// bar for those it kept, labelled "entered → kept" and with the stage's budget. Bar lengths use a log scale so that
/// 15 picks stay visible next to 3,030 papers. Text uses currentColor, so the figure follows the page's light or
/// dark colours when inlined.
/// </summary>
public static class FunnelFigure
{
    private const int Width = 640;
    private const int Top = 34;
    private const int RowHeight = 58;
    private const int BarHeight = 14;
    private const string Kept = "#2f81f7";
    private const string Entered = "#8c959f";

    public static string Svg(IReadOnlyList<FunnelCount> funnel)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        Validate(funnel);
        var height = Top + (Math.Max(funnel.Count, 1) * RowHeight) + 24;
        var max = funnel.Count == 0 ? 1 : Math.Max(1, funnel.Max(f => f.Entered));
        var summary = funnel.Count == 0 ? "No funnel was recorded." : Views.IssueViews.FunnelSummary(funnel) + " papers";

        return XmlOutput.Write(w =>
        {
            const string Ns = "http://www.w3.org/2000/svg";
            w.WriteStartElement("svg", Ns);
            w.WriteAttributeString("viewBox", $"0 0 {Width} {I(height)}");
            w.WriteAttributeString("width", I(Width));
            w.WriteAttributeString("height", I(height));
            w.WriteAttributeString("role", "img");
            w.WriteAttributeString("aria-labelledby", "funnel-title funnel-desc");
            w.WriteAttributeString("font-family", "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif");
            w.WriteAttributeString("class", "funnel-figure");
            w.WriteStartElement("title", Ns);
            w.WriteAttributeString("id", "funnel-title");
            w.WriteString("The week's funnel");
            w.WriteEndElement();
            w.WriteStartElement("desc", Ns);
            w.WriteAttributeString("id", "funnel-desc");
            w.WriteString(summary + ". " + string.Join("; ", funnel.Select(f =>
                $"{CleanText.Inline(f.Stage)}: {Numbers.Count(f.Entered)} entered, {Numbers.Count(f.Kept)} kept, budget {CleanText.Inline(f.Budget)}")));
            w.WriteEndElement();

            Text(w, 0, 20, summary, size: 15, bold: true);
            if (funnel.Count == 0)
            {
                w.WriteEndElement();
                return;
            }

            for (var i = 0; i < funnel.Count; i++)
            {
                var stage = funnel[i];
                var y = Top + (i * RowHeight);
                w.WriteStartElement("g", Ns);
                w.WriteAttributeString("class", "funnel-stage");
                Text(w, 0, y + 14, CleanText.Inline(stage.Stage), size: 14, bold: true);
                Text(w, Width, y + 14, $"{Numbers.Count(stage.Entered)} → {Numbers.Count(stage.Kept)}", size: 14, bold: false, anchorEnd: true);
                Bar(w, y + 20, Length(stage.Entered, max), Entered, 0.45);
                Bar(w, y + 20, Length(stage.Kept, max), Kept, 1);
                Text(w, 0, y + 50, "Budget: " + CleanText.Inline(stage.Budget), size: 12, bold: false, opacity: 0.8);
                w.WriteEndElement();
            }

            Text(w, 0, height - 6, "Bar lengths on a log scale; the light bar is what entered a stage, the dark bar what it kept.", size: 11, bold: false, opacity: 0.7);
            w.WriteEndElement();
        }, declaration: false).TrimEnd('\n');
    }

    private static void Validate(IReadOnlyList<FunnelCount> funnel)
    {
        for (var i = 0; i < funnel.Count; i++)
        {
            var f = funnel[i] ?? throw new ArgumentException($"funnel stage {i + 1} is null", nameof(funnel));
            if (f.Entered < 0 || f.Kept < 0)
            {
                throw new ArgumentException($"funnel stage {i + 1} ('{f.Stage}'): counts cannot be negative (entered {f.Entered}, kept {f.Kept})", nameof(funnel));
            }

            if (f.Kept > f.Entered)
            {
                throw new ArgumentException($"funnel stage {i + 1} ('{f.Stage}'): kept {f.Kept} is more than entered {f.Entered}", nameof(funnel));
            }
        }
    }

    private static double Length(int count, int max) =>
        count <= 0 ? 0 : Math.Max(3, Width * Math.Log10(count + 1) / Math.Log10(max + 1));

    private static void Bar(XmlWriter w, int y, double length, string fill, double opacity)
    {
        if (length <= 0)
        {
            return;
        }

        w.WriteStartElement("rect", "http://www.w3.org/2000/svg");
        w.WriteAttributeString("x", "0");
        w.WriteAttributeString("y", I(y));
        w.WriteAttributeString("width", length.ToString("0.#", CultureInfo.InvariantCulture));
        w.WriteAttributeString("height", I(BarHeight));
        w.WriteAttributeString("rx", "2");
        w.WriteAttributeString("fill", fill);
        if (opacity < 1)
        {
            w.WriteAttributeString("fill-opacity", opacity.ToString("0.##", CultureInfo.InvariantCulture));
        }

        w.WriteEndElement();
    }

    private static void Text(XmlWriter w, int x, int y, string text, int size, bool bold, bool anchorEnd = false, double opacity = 1)
    {
        w.WriteStartElement("text", "http://www.w3.org/2000/svg");
        w.WriteAttributeString("x", I(x));
        w.WriteAttributeString("y", I(y));
        w.WriteAttributeString("font-size", I(size));
        w.WriteAttributeString("fill", "currentColor");
        if (bold)
        {
            w.WriteAttributeString("font-weight", "bold");
        }

        if (anchorEnd)
        {
            w.WriteAttributeString("text-anchor", "end");
        }

        if (opacity < 1)
        {
            w.WriteAttributeString("fill-opacity", opacity.ToString("0.##", CultureInfo.InvariantCulture));
        }

        w.WriteString(text);
        w.WriteEndElement();
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
