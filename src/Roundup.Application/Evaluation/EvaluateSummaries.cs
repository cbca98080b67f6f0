using Microsoft.Extensions.Logging;
using Roundup.Application.Hosting;
using Roundup.Writing.Evaluation;
using Roundup.Writing.Tldr;

namespace Roundup.Application.Evaluation;

/// <summary>
/// TL;DR quality on SciTLDR (and, in EvaluateSummaries.Dair.cs, entries against DAIR.AI curators' own): ROUGE-1/2/L of the offline writer, the first-sentence baseline, a centrality pick and the
/// best-single-sentence oracle, with the shipped TL;DR model or one retrained from the folder's train and dev splits.
/// </summary>
public sealed partial class EvaluateSummaries(RoundupHost host)
{
    public SummaryEvaluationReport Run(string folder, string split, bool retrain, string? saveModel)
    {
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"--scitldr {folder}: no such folder");
        }

        if (saveModel is not null && !retrain)
        {
            throw new UsageException("--save-model needs --retrain: the shipped model is already saved");
        }

        var log = host.Logs.CreateLogger("Roundup.EvalSummaries");
        var model = TldrModel.Default;
        if (retrain)
        {
            model = TldrModelTrainer.TrainFromFolder(folder, line => log.LogInformation("{Line}", line));
            if (saveModel is { } path)
            {
                File.WriteAllText(path, model.ToJson() + "\n");
                log.LogInformation("model written to {Path}", path);
            }
        }

        return SummaryEvaluation.Run(split, SciTldrFile.ReadSplit(folder, split), model);
    }
}
