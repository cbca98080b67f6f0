using Roundup.Papers;
using Roundup.Writing.Offline;
using Roundup.Writing.Rouge;
using Roundup.Writing.Tldr;
using Roundup.Writing.Writers;

namespace Roundup.Writing.Evaluation.Dair;

/// <summary>
/// Scores entries written from the abstract alone against DAIR.AI curators' entries of the same papers: the offline
/// writer's TL;DR + summary (as <c>roundup write</c> writes them without full text), its TL;DR alone, the abstract's
/// first one to three sentences, the whole abstract, the best single sentence and the greedy extractive oracle. Each
/// entry's leading name is removed first (<see cref="EntryHeading"/>); an entry with no words left, or whose paper has
/// no abstract, is not scored. ROUGE is averaged over entries, × 100.
/// </summary>
public static class DairEvaluation
{
    public const string Offline = "offline writer";
    public const string OfflineTldr = "offline TL;DR alone";
    public const string FirstSentence = "first sentence";
    public const string FirstTwo = "first 2 sentences";
    public const string FirstThree = "first 3 sentences";
    public const string WholeAbstract = "whole abstract";
    public const string OracleSentence = "oracle sentence";
    public const string GreedyOracle = "greedy oracle";

    private static readonly (string Name, string Description)[] RowNames =
    [
        (Offline, "TL;DR + summary, written from the abstract alone as roundup write does without full text"),
        (OfflineTldr, "the offline writer's TL;DR sentence only"),
        (FirstSentence, "baseline: the abstract's first sentence"),
        (FirstTwo, "baseline: the abstract's first two sentences"),
        (FirstThree, "baseline: the abstract's first three sentences"),
        (WholeAbstract, "the abstract as it is"),
        (OracleSentence, "upper bound: the abstract sentence with the best ROUGE against the entry"),
        (GreedyOracle, "upper bound: abstract sentences added while ROUGE-1 + ROUGE-2 rises, in abstract order"),
    ];

    public static DairEvaluationReport Run(DairFileContents file, IReadOnlyDictionary<ArxivId, Paper> abstracts, OfflineWriter writer)
    {
        var sums = RowNames.ToDictionary(r => r.Name, _ => new double[5]);
        var (matched, headings, statingNumbers, curatorWords) = (0, 0, 0, 0.0);
        var papers = new HashSet<ArxivId>();
        foreach (var entry in file.Entries)
        {
            if (!abstracts.TryGetValue(entry.Id, out var paper) || string.IsNullOrWhiteSpace(paper.Abstract))
            {
                continue;
            }

            var (heading, body) = EntryHeading.Split(entry.EntryText);
            var reference = RougeTokenizer.Tokenize(body);
            if (reference.Length == 0)
            {
                continue;
            }

            matched++;
            papers.Add(entry.Id);
            headings += heading is null ? 0 : 1;
            curatorWords += RougeTokenizer.Words(body).Count;
            var curatorNumbers = StatedNumbers.Find(body);
            statingNumbers += curatorNumbers.Count > 0 ? 1 : 0;

            foreach (var (name, text) in Candidates(paper, reference, writer))
            {
                var tokens = RougeTokenizer.Tokenize(text);
                var scores = RougeScorer.Score(tokens, reference);
                var sum = sums[name];
                sum[0] += scores.Rouge1;
                sum[1] += scores.Rouge2;
                sum[2] += scores.RougeL;
                sum[3] += RougeTokenizer.Words(text).Count;
                sum[4] += curatorNumbers.Count > 0 && StatedNumbers.ShareAny(curatorNumbers, StatedNumbers.Find(text)) ? 1 : 0;
            }
        }

        var rows = RowNames.Select(r => new DairRow(
            r.Name,
            r.Description,
            Mean(sums[r.Name][3], 1),
            Mean(sums[r.Name][0], 100),
            Mean(sums[r.Name][1], 100),
            Mean(sums[r.Name][2], 100),
            statingNumbers == 0 ? 0 : Math.Round(100 * sums[r.Name][4] / statingNumbers, 2))).ToList();
        return new DairEvaluationReport(
            file.Lines, file.NotOnArxiv, file.Entries.Count, matched, papers.Count, headings, statingNumbers, Mean(curatorWords, 1), rows);

        double Mean(double sum, double scale) => matched == 0 ? 0 : Math.Round(scale * sum / matched, 2);
    }

    private static IEnumerable<(string Name, string Text)> Candidates(Paper paper, IReadOnlyList<string> reference, OfflineWriter writer)
    {
        var sentences = AbstractSentences.Split(paper.Abstract);
        var written = writer.Write(new PaperToWrite { Paper = paper }).Text;
        yield return (Offline, string.Join(' ', written.Summary.Prepend(written.Tldr)));
        yield return (OfflineTldr, written.Tldr);
        yield return (FirstSentence, DairCandidates.Lead(sentences, 1));
        yield return (FirstTwo, DairCandidates.Lead(sentences, 2));
        yield return (FirstThree, DairCandidates.Lead(sentences, 3));
        yield return (WholeAbstract, string.Join(' ', sentences));
        yield return (OracleSentence, DairCandidates.BestSentence(sentences, reference));
        yield return (GreedyOracle, DairCandidates.GreedyOracle(sentences, reference));
    }
}
