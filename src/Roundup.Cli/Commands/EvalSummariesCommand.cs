using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Roundup.Application;
using Roundup.Application.Evaluation;
using Roundup.Cli.Output;
using Roundup.Writing.Evaluation;

namespace Roundup.Cli.Commands;

/// <summary>
/// <c>roundup eval-summaries</c>: TL;DR quality on SciTLDR: ROUGE-1/2/L of the offline writer, the first-sentence
/// baseline, a centrality pick and the best-single-sentence oracle, in one run; or, with <c>--dair</c>, the offline
/// writer's TL;DR + summary against DAIR.AI curators' entries (<see cref="EvalSummariesDairTable"/>).
/// </summary>
public static class EvalSummariesCommand
{
    public static Command Create()
    {
        var command = new Command("eval-summaries", "Score the offline writer's TL;DRs against SciTLDR's human TL;DRs (--scitldr), or its TL;DR + summary against DAIR.AI curators' entries (--dair), by ROUGE-1/2/L, with first-sentence baselines and oracles");
        var folder = new Option<string?>("--scitldr") { Description = "SciTLDR-A folder holding SciTLDR-A_{train,dev,test}.jsonl" };
        var dair = new Option<string?>("--dair") { Description = "Instead of --scitldr: DAIR.AI's weekly top ten (dair_top10_weekly.jsonl); each entry whose paper's abstract --abstracts holds is scored against the offline writer's TL;DR + summary written from that abstract alone, after removing the entry's leading paper name; also how often our text states a number the entry states" };
        var abstracts = new Option<string[]>("--abstracts") { Description = "With --dair: files holding the papers' abstracts (JSON lines with arxiv_id, title, abstract: listing files, hf_daily_upvotes.jsonl); wildcards allowed in file names", AllowMultipleArgumentsPerToken = true };
        var split = new Option<string>("--split") { Description = "dev or test (test only for the final figure)", DefaultValueFactory = _ => "test" };
        split.AcceptOnlyFromAmong("dev", "test");
        var retrain = new Option<bool>("--retrain") { Description = "Train the TL;DR scorer from the folder's train and dev splits instead of using the one that ships" };
        var saveModel = new Option<string?>("--save-model") { Description = "With --retrain: write the trained model to this JSON file (the shipped one is src/Roundup.Writing/Tldr/tldr-model.json)" };
        var format = CommonOptions.Format();
        foreach (var option in new Option[] { folder, dair, abstracts, split, retrain, saveModel, format })
        {
            command.Options.Add(option);
        }

        CommandRunner.SetAction(command, (parse, host, ct) =>
        {
            var json = parse.GetValue(format) == OutputFormat.Json;
            if (parse.GetValue(dair) is { } dairFile)
            {
                if (parse.GetValue(folder) is not null || parse.GetValue(retrain) || parse.GetValue(saveModel) is not null || parse.GetResult(split) is { Implicit: false })
                {
                    throw new UsageException("--dair runs on its own: --scitldr, --split, --retrain and --save-model are for SciTLDR");
                }

                var dairReport = new EvaluateSummaries(host).RunDair(dairFile, parse.GetValue(abstracts) ?? []);
                Console.Out.Write(json ? EvalSummariesDairTable.Json(dairFile, dairReport) + Environment.NewLine : EvalSummariesDairTable.Text(dairFile, dairReport));
                return Task.FromResult(CommandRunner.Success);
            }

            if (parse.GetValue(folder) is not { } scitldr)
            {
                throw new UsageException("eval-summaries needs --scitldr FOLDER or --dair FILE --abstracts FILES");
            }

            if (parse.GetValue(abstracts) is { Length: > 0 })
            {
                throw new UsageException("--abstracts goes with --dair");
            }

            var report = new EvaluateSummaries(host).Run(scitldr, parse.GetValue(split)!, parse.GetValue(retrain), parse.GetValue(saveModel));
            Console.Out.Write(json ? Json(report) + Environment.NewLine : Table(report));
            return Task.FromResult(CommandRunner.Success);
        });
        return command;
    }

    private static string Table(SummaryEvaluationReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"TL;DR quality on SciTLDR {report.Split}: {report.Papers} papers, {report.References} human TL;DRs");
        text.AppendLine("ROUGE F1 x 100, each measure taking the best of a paper's TL;DRs, averaged over papers");
        text.AppendLine();
        TextTable.Write(text, ["ranker", "ROUGE-1", "ROUGE-2", "ROUGE-L"], report.Rankers.Select(r => (IReadOnlyList<string>)
        [
            r.Name, F(r.Rouge1), F(r.Rouge2), F(r.RougeL),
        ]).ToList());
        text.AppendLine();
        foreach (var r in report.Rankers)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {r.Name}: {r.Description}");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"reference: CATTS (Cachola et al., 2020), supervised BART, abstract only, test split: ROUGE-1 {F(SummaryEvaluationReport.CattsRouge1)}");
        var (offline, first) = (Find(report, SummaryEvaluation.Offline), Find(report, SummaryEvaluation.FirstSentence));
        text.AppendLine(CultureInfo.InvariantCulture, $"target: offline writer ROUGE-1 >= {F(SummaryEvaluationReport.TargetRouge1)} and above the first sentence: {(Met(report) ? "met" : "NOT met")} ({F(offline.Rouge1)} vs {F(first.Rouge1)})");
        return text.ToString();
    }

    private static string Json(SummaryEvaluationReport report) => CliJson.Serialize(new
    {
        report.Split,
        report.Papers,
        report.References,
        report.Rankers,
        Reference = new { Name = "CATTS (Cachola et al., 2020)", Rouge1 = SummaryEvaluationReport.CattsRouge1 },
        Target = new { Rouge1 = SummaryEvaluationReport.TargetRouge1, Met = Met(report) },
    });

    private static bool Met(SummaryEvaluationReport report)
    {
        var offline = Find(report, SummaryEvaluation.Offline);
        return offline.Rouge1 >= SummaryEvaluationReport.TargetRouge1 && offline.Rouge1 > Find(report, SummaryEvaluation.FirstSentence).Rouge1;
    }

    private static RankerRouge Find(SummaryEvaluationReport report, string name) => report.Rankers.Single(r => r.Name == name);

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
