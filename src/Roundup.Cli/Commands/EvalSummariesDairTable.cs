using System.Globalization;
using System.Text;
using Roundup.Cli.Output;
using Roundup.Writing.Evaluation.Dair;

namespace Roundup.Cli.Commands;

/// <summary>The <c>eval-summaries --dair</c> report as a table with its counts, or as JSON.</summary>
public static class EvalSummariesDairTable
{
    public static string Text(string dairFile, DairEvaluationReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Curator-style summaries: DAIR.AI entries in {Path.GetFileName(dairFile)}: {report.Lines} lines, {report.NotOnArxiv} not on arXiv, {report.Entries} on arXiv");
        text.AppendLine(CultureInfo.InvariantCulture, $"matched with an abstract: {report.Matched} entries ({report.Papers} papers); entry text {F(report.CuratorWords)} words on average");
        text.AppendLine(CultureInfo.InvariantCulture, $"each entry's leading paper name (\"**Name** -\", \"Name -\" or \"Name\" then two spaces) removed before scoring: {report.HeadingsRemoved} of {report.Matched}");
        text.AppendLine("ROUGE F1 x 100 against the entry text, averaged over entries; numbers: of the entries stating a number, % where the text states one of the same value");
        text.AppendLine(CultureInfo.InvariantCulture, $"entries stating a number: {report.StatingNumbers} of {report.Matched}");
        text.AppendLine();
        TextTable.Write(text, ["text", "words", "ROUGE-1", "ROUGE-2", "ROUGE-L", "numbers %"], report.Rows.Select(r => (IReadOnlyList<string>)
        [
            r.Name, F(r.Words), F(r.Rouge1), F(r.Rouge2), F(r.RougeL), F(r.SharesNumber),
        ]).ToList());
        text.AppendLine();
        foreach (var r in report.Rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {r.Name}: {r.Description}");
        }

        return text.ToString();
    }

    public static string Json(string dairFile, DairEvaluationReport report) => CliJson.Serialize(new
    {
        File = Path.GetFileName(dairFile),
        report.Lines,
        report.NotOnArxiv,
        report.Entries,
        report.Matched,
        report.Papers,
        report.HeadingsRemoved,
        report.StatingNumbers,
        report.CuratorWords,
        report.Rows,
    });

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
