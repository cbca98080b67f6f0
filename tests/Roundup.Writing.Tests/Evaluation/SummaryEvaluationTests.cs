using Roundup.Testing;
using Roundup.Writing.Evaluation;
using Roundup.Writing.Tldr;

namespace Roundup.Writing.Tests.Evaluation;

public sealed class SummaryEvaluationTests
{
    [Fact]
    public void Hand_checked_rankers_on_two_small_papers()
    {
        // Paper 1: the gold TL;DR is the second sentence word for word. Paper 2: the first sentence is the gold one.
        SciTldrPaper[] papers =
        [
            new("p1", "Dogs", ["the cat sat", "a dog ran fast"], ["a dog ran fast"]),
            new("p2", "Birds", ["birds fly south", "fish swim"], ["birds fly north", "birds fly south"]),
        ];

        var report = SummaryEvaluation.Run("tiny", papers, TldrModel.Default);
        var byName = report.Rankers.ToDictionary(r => r.Name);

        Assert.Equal((2, 3), (report.Papers, report.References));
        Assert.Equal([SummaryEvaluation.Offline, SummaryEvaluation.Uncleaned, SummaryEvaluation.FirstSentence, SummaryEvaluation.Centrality, SummaryEvaluation.Oracle], report.Rankers.Select(r => r.Name));

        // Oracle: a perfect sentence in each paper. First sentence: 0 for paper 1, 100 for paper 2 (best reference).
        Assert.Equal((100.0, 100.0, 100.0), (byName[SummaryEvaluation.Oracle].Rouge1, byName[SummaryEvaluation.Oracle].Rouge2, byName[SummaryEvaluation.Oracle].RougeL));
        Assert.Equal((50.0, 50.0, 50.0), (byName[SummaryEvaluation.FirstSentence].Rouge1, byName[SummaryEvaluation.FirstSentence].Rouge2, byName[SummaryEvaluation.FirstSentence].RougeL));
        Assert.All(report.Rankers, r => Assert.InRange(r.Rouge1, 0, byName[SummaryEvaluation.Oracle].Rouge1));
    }

    [Fact]
    public void On_scitldr_dev_the_trained_pick_beats_the_first_sentence_and_stays_under_the_oracle()
    {
        var folder = SharedData.Require("summaries/scitldr");

        var report = SummaryEvaluation.Run("dev", SciTldrFile.ReadSplit(folder, "dev"), TldrModel.Default);
        var byName = report.Rankers.ToDictionary(r => r.Name);

        TestContext.Current.SendDiagnosticMessage(string.Join("; ", report.Rankers.Select(r => $"{r.Name}: {r.Rouge1} / {r.Rouge2} / {r.RougeL}")));
        Assert.Equal(619, report.Papers);
        Assert.True(byName[SummaryEvaluation.Offline].Rouge1 >= SummaryEvaluationReport.TargetRouge1);
        Assert.True(byName[SummaryEvaluation.Offline].Rouge1 > byName[SummaryEvaluation.FirstSentence].Rouge1);
        Assert.True(byName[SummaryEvaluation.Offline].Rouge1 > byName[SummaryEvaluation.Centrality].Rouge1);
        Assert.True(byName[SummaryEvaluation.Oracle].Rouge1 > byName[SummaryEvaluation.Offline].Rouge1);
        Assert.Equal(TldrModel.Default.Weights.DevRouge, [byName[SummaryEvaluation.Offline].Rouge1, byName[SummaryEvaluation.Offline].Rouge2, byName[SummaryEvaluation.Offline].RougeL]);
    }
}
