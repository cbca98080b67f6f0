using Roundup.Writing.Rouge;
using Roundup.Writing.Tldr;

namespace Roundup.Writing.Evaluation;

/// <summary>
/// Scores TL;DR choices on a SciTLDR split in one pass: the offline writer (the trained scorer's pick, cleaned), the
/// same pick uncleaned, the first sentence, an unsupervised centrality pick, and the best single sentence (the oracle:
/// the sentence with the highest mean ROUGE against the human TL;DRs, an upper bound for any one-sentence extract).
/// Each measure is the best over a paper's TL;DRs (see <see cref="RougeScorer"/>), averaged over papers, × 100.
/// </summary>
public static class SummaryEvaluation
{
    public const string Offline = "offline writer";
    public const string Uncleaned = "trained scorer, uncleaned";
    public const string FirstSentence = "first sentence";
    public const string Centrality = "centrality";
    public const string Oracle = "oracle sentence";

    public static SummaryEvaluationReport Run(string split, IReadOnlyList<SciTldrPaper> papers, TldrModel model)
    {
        if (papers.Count == 0)
        {
            throw new ArgumentException($"the {split} split has no papers", nameof(papers));
        }

        var sums = new Dictionary<string, double[]>
        {
            [Offline] = new double[3], [Uncleaned] = new double[3], [FirstSentence] = new double[3], [Centrality] = new double[3], [Oracle] = new double[3],
        };
        var centralityIndex = SentenceFeatures.Names.ToList().IndexOf("centrality");
        foreach (var paper in papers)
        {
            var targets = paper.Targets.Select(t => (IReadOnlyList<string>)RougeTokenizer.Tokenize(t)).ToList();
            var perSentence = paper.Sentences.Select(s => RougeScorer.ScoreBest(RougeTokenizer.Tokenize(s), targets)).ToArray();
            var pick = model.Pick(paper.Title, paper.Sentences);
            var features = SentenceFeatures.Compute(paper.Title, paper.Sentences);
            var central = Enumerable.Range(0, features.Length).MaxBy(i => (features[i][centralityIndex], -i));

            Add(Offline, RougeScorer.ScoreBest(RougeTokenizer.Tokenize(TldrCleaner.Clean(paper.Sentences[pick], model.Weights.Cleaning)), targets));
            Add(Uncleaned, perSentence[pick]);
            Add(FirstSentence, perSentence[0]);
            Add(Centrality, perSentence[central]);
            Add(Oracle, perSentence.MaxBy(s => s.Mean)!);
        }

        return new SummaryEvaluationReport(split, papers.Count, papers.Sum(p => p.Targets.Count),
        [
            Ranker(Offline, $"trained scorer's pick, cleaned ({model.Weights.Cleaning})"),
            Ranker(Uncleaned, "the same pick as written in the abstract"),
            Ranker(FirstSentence, "baseline: the abstract's first sentence"),
            Ranker(Centrality, "unsupervised: the sentence closest to the rest of the abstract"),
            Ranker(Oracle, "upper bound: the best single abstract sentence"),
        ]);

        void Add(string name, RougeScores s)
        {
            sums[name][0] += s.Rouge1;
            sums[name][1] += s.Rouge2;
            sums[name][2] += s.RougeL;
        }

        RankerRouge Ranker(string name, string description) =>
            new(name, description, Percent(sums[name][0]), Percent(sums[name][1]), Percent(sums[name][2]));

        double Percent(double sum) => Math.Round(100 * sum / papers.Count, 2);
    }
}
