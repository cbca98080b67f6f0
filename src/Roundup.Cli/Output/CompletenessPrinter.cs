using System.Globalization;
using System.Text;
using System.Text.Json;
using Roundup.Harvesting;

namespace Roundup.Cli.Output;

/// <summary>The completeness report as a text table or JSON.</summary>
public static class CompletenessPrinter
{
    public static string Table(HarvestOutcome outcome, string window)
    {
        var report = outcome.Report;
        var text = new StringBuilder();
        var sources = report.Days.SelectMany(d => d.BySource.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"Harvest of {window}");
        foreach (var r in outcome.Results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {r.Source}: {r.Papers:N0} records stored from {r.Pages:N0} pages{(r.Resumed ? " (resumed)" : "")}, {r.BadRecords:N0} bad records skipped");
        }

        var columns = new List<string> { "listing date", "papers" };
        columns.AddRange(sources.Select(s => $"[{s}]"));
        columns.AddRange(report.Categories);
        var rows = report.Days.Select(d => new List<string> { $"{d.Date:yyyy-MM-dd} {d.Date:ddd}{(d.Expected ? "" : " (unexpected)")}", N(d.Papers) }
            .Concat(sources.Select(s => N(d.BySource.GetValueOrDefault(s))))
            .Concat(report.Categories.Select(c => N(d.ByCategory.GetValueOrDefault(c))))
            .ToList()).ToList();
        rows.Add(new List<string> { "total", N(report.TotalPapers) }
            .Concat(sources.Select(s => N(report.Days.Sum(d => d.BySource.GetValueOrDefault(s)))))
            .Concat(report.Categories.Select(c => N(report.Days.Sum(d => d.ByCategory.GetValueOrDefault(c)))))
            .ToList());
        text.AppendLine();
        TextTable.Write(text, columns, rows);
        text.AppendLine();
        text.AppendLine(report.MissingDates.Count == 0
            ? "Missing listing dates: none"
            : $"Missing listing dates (expected, no papers): {string.Join(", ", report.MissingDates.Select(d => $"{d:yyyy-MM-dd ddd}"))}");
        if (sources.Count > 1)
        {
            text.AppendLine(report.Differences.Count == 0 ? $"Sources agree: {string.Join(", ", sources)} saw the same papers" : "Sources disagree:");
            foreach (var d in report.Differences)
            {
                var sample = string.Join(", ", d.OnlyInSource.Take(10));
                text.AppendLine(CultureInfo.InvariantCulture, $"  {d.OnlyInSource.Count:N0} papers only in {d.Source}, not in {d.Other}: {sample}{(d.OnlyInSource.Count > 10 ? ", …" : "")}");
            }
        }

        foreach (var p in outcome.Results.SelectMany(r => r.Problems).Take(10))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  bad record: {TerminalText.Line(p.ToString())}");
        }

        text.AppendLine(report.IsComplete ? "Complete: yes" : "Complete: NO");
        return text.ToString();
    }

    public static string Json(HarvestOutcome outcome, string window) => CliJson.Serialize(Document(outcome, window));

    /// <summary>The value <see cref="Json"/> prints, for documents that embed it.</summary>
    public static object Document(HarvestOutcome outcome, string window) => new
    {
        window,
        outcome.Report.First,
        outcome.Report.Last,
        complete = outcome.Report.IsComplete,
        totalPapers = outcome.Report.TotalPapers,
        sources = outcome.Results,
        days = outcome.Report.Days,
        missingDates = outcome.Report.MissingDates,
        differences = outcome.Report.Differences.Select(d => new { d.Source, d.Other, count = d.OnlyInSource.Count, onlyInSource = d.OnlyInSource.Select(i => i.ToString()) }),
        badRecords = outcome.Report.BadRecords,
    };

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
