using System.Globalization;
using System.Text;
using System.Text.Json;
using Roundup.Application.Evaluation;

namespace Roundup.Cli.Output;

/// <summary>The evaluation as text tables or JSON.</summary>
public static class EvalPrinter
{
    public static string Table(EvalReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Selection against human picks: {report.Windows.Count} test window{(report.Windows.Count == 1 ? "" : "s")}, each trained only on what is dated before it");
        foreach (var w in report.Windows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {w.Label}: {w.TestPapers:N0} papers, {w.TestPicks:N0} human picks ({(double)w.TestPicks / Math.Max(1, w.TestPapers):P1}); learned from {w.TrainPapers:N0} papers ({w.TrainPicks:N0} picked) and {w.HistoryPapers:N0} featured papers; picks naming unknown papers: {w.UnknownPickIds:N0}");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Human picks among the {report.PicksPerIssue} picks of each issue (mean over windows, 90% bootstrap interval):");
        TextTable.Write(text, ["row", .. report.Windows.Select(w => w.Label), "mean", "90% interval"], report.Rows.Select(r => (IReadOnlyList<string>)
        [
            r.Row, .. report.Windows.Select(w => N(w.Rows.First(x => x.Row == r.Row).Hits)), D(r.MeanHits, "0.0"), $"{D(r.Low, "0.0")}–{D(r.High, "0.0")}",
        ]).ToList());
        text.AppendLine();
        foreach (var r in report.Rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {r.Row}: {r.Description}");
        }

        foreach (var w in report.Windows)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Window {w.Label}: ranking metrics, and for the funnel rows the title stage (papers passed, human picks kept)");
            var metrics = w.Rows[0].Metrics.Keys.ToList();
            TextTable.Write(text, ["row", .. metrics, "title passes", "title keeps"], w.Rows.Select(r => (IReadOnlyList<string>)
            [
                r.Row, .. metrics.Select(m => D(r.Metrics[m], "0.000")), .. TitleStage(r),
            ]).ToList());
            if (w.Rows[0].Leak is { } leak)
            {
                text.AppendLine();
                text.AppendLine(CultureInfo.InvariantCulture, $"Funnel leak in {w.Label} ({w.Rows[0].Row}): human picks at each stage");
                TextTable.Write(text, ["stage", "papers in", "papers out", "pass rate", "picks in", "picks kept", "picks kept %"], leak.Select(l => (IReadOnlyList<string>)
                [
                    l.Stage, N(l.Entered), N(l.Advanced), P(l.Advanced, l.Entered), N(l.PicksEntered), N(l.PicksAdvanced), P(l.PicksAdvanced, l.PicksEntered),
                ]).ToList());
            }
        }

        return text.ToString();
    }

    public static string Json(EvalReport report) => CliJson.Serialize(report);

    private static string[] TitleStage(EvalReport.RowResult row) =>
        row.Leak?.FirstOrDefault(l => l.Stage == "title") is { } t ? [P(t.Advanced, t.Entered), P(t.PicksAdvanced, t.PicksEntered)] : ["", ""];

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string D(double d, string format) => d.ToString(format, CultureInfo.InvariantCulture);

    private static string P(int part, int whole) => whole == 0 ? "-" : ((double)part / whole).ToString("P1", CultureInfo.InvariantCulture);
}
