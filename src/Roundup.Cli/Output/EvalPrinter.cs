using System.Globalization;
using System.Text;
using System.Text.Json;
using Roundup.Cli.Evaluation;

namespace Roundup.Cli.Output;

/// <summary>The evaluation as a text table or JSON.</summary>
public static class EvalPrinter
{
    public static string Table(EvalReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Evaluation against human picks: {report.Split}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  train: {report.TrainPapers:N0} papers, {report.TrainPicks:N0} picked, + {report.ExtraPositives:N0} extra positives; test: {report.TestPapers:N0} papers, {report.TestPicks:N0} picked ({(double)report.TestPicks / Math.Max(1, report.TestPapers):P1}); picks naming unknown papers: {report.UnknownPickIds:N0}");
        text.AppendLine();
        var metrics = report.Rankers.Count > 0 ? report.Rankers[0].Metrics.Keys.ToList() : [];
        TextTable.Write(text, ["ranker", .. metrics], report.Rankers.Select(r => (IReadOnlyList<string>)[r.Name, .. metrics.Select(m => r.Metrics[m].ToString("0.000", CultureInfo.InvariantCulture))]).ToList());
        text.AppendLine();
        text.AppendLine("Funnel leak (human picks of the test dates at each stage):");
        TextTable.Write(text, ["stage", "papers in", "papers out", "pass rate", "picks in", "picks kept", "picks kept %"], report.Leak.Select(l => (IReadOnlyList<string>)
        [
            l.Stage, N(l.Entered), N(l.Advanced), P(l.Advanced, l.Entered), N(l.PicksEntered), N(l.PicksAdvanced), P(l.PicksAdvanced, l.PicksEntered),
        ]).ToList());
        return text.ToString();
    }

    public static string Json(EvalReport report) => JsonSerializer.Serialize(report, CliJson.Indented);

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string P(int part, int whole) => whole == 0 ? "-" : ((double)part / whole).ToString("P1", CultureInfo.InvariantCulture);
}
