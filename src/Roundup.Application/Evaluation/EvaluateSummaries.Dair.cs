using Microsoft.Extensions.Logging;
using Roundup.Application.Learning;
using Roundup.Curation;
using Roundup.Papers;
using Roundup.Writing.Evaluation.Dair;
using Roundup.Writing.Offline;

namespace Roundup.Application.Evaluation;

public sealed partial class EvaluateSummaries
{
    /// <summary>The most bad lines of an input file named in the log; the rest are counted.</summary>
    private const int ProblemsShown = 10;

    /// <summary>
    /// Curator-style summaries: DAIR.AI's entries (<paramref name="dairFile"/>) of the papers whose abstracts the
    /// <paramref name="abstractFiles"/> hold (listing files or curation histories with abstracts, wildcards allowed;
    /// the first abstract of a paper is used), against entries the offline writer writes from the abstract alone.
    /// </summary>
    public DairEvaluationReport RunDair(string dairFile, IReadOnlyList<string> abstractFiles)
    {
        if (!File.Exists(dairFile))
        {
            throw new UsageException($"--dair {dairFile}: no such file");
        }

        if (abstractFiles.Count == 0)
        {
            throw new UsageException("--dair needs --abstracts: the files holding the papers' abstracts (listings, hf_daily_upvotes.jsonl)");
        }

        var log = host.Logs.CreateLogger("Roundup.EvalSummaries");
        var dair = DairFile.Read(dairFile);
        LogProblems(log, dairFile, dair.Problems.Select(p => p.ToString()).ToList());
        var abstracts = new Dictionary<ArxivId, Paper>();
        foreach (var file in TasteInputs.Files(abstractFiles))
        {
            var (papers, problems) = CurationFile.Read(file);
            LogProblems(log, file, problems.Select(p => p.ToString()).ToList());
            foreach (var paper in papers.Where(p => p.Abstract.Length > 0))
            {
                abstracts.TryAdd(paper.Id, paper.ToPaper());
            }
        }

        log.LogInformation("{Entries} DAIR entries on arXiv, {Abstracts} papers with abstracts", dair.Entries.Count, abstracts.Count);
        return DairEvaluation.Run(dair, abstracts, new OfflineWriter());
    }

    private static void LogProblems(ILogger log, string file, List<string> problems)
    {
        foreach (var problem in problems.Take(ProblemsShown))
        {
            log.LogWarning("Skipped a line: {Problem}", problem);
        }

        if (problems.Count > ProblemsShown)
        {
            log.LogWarning("{File}: {More} more bad lines skipped", file, problems.Count - ProblemsShown);
        }
    }
}
