using Roundup.Curation;
using Roundup.Harvesting;
using Roundup.Papers;
using Roundup.Testing;
using Roundup.Writing.Evaluation.Dair;
using Roundup.Writing.Offline;

namespace Roundup.Writing.Tests.Evaluation.Dair;

public sealed class DairEvaluationTests
{
    [Fact]
    public void A_one_sentence_abstract_gives_every_row_the_same_hand_checked_scores()
    {
        // Entry "the cat sat on the mat" against "A cat sat on a mat.": unigrams 4 of 6 each way (F1 2/3), bigrams
        // "cat sat" and "sat on" of 5 (F1 0.4), LCS "cat sat on mat" (F1 2/3). Every text is that one sentence.
        var report = Evaluate([Entry("2501.00001", "**Cat Net** - the cat sat on the mat")], [Paper("2501.00001", "Cat Net", "A cat sat on a mat.")]);

        Assert.Equal((1, 1, 1, 1, 0), (report.Entries, report.Matched, report.Papers, report.HeadingsRemoved, report.StatingNumbers));
        Assert.Equal(6, report.CuratorWords);
        Assert.All(report.Rows, r => Assert.Equal((6.0, 66.67, 40.0, 66.67, 0.0), (r.Words, r.Rouge1, r.Rouge2, r.RougeL, r.SharesNumber)));
    }

    [Fact]
    public void Baselines_and_oracles_on_a_three_sentence_abstract_match_the_hand_count()
    {
        // Entry body "a dog ran 10x as far" (6 tokens; "10x" is one token, "10×" gives "10"). Sentence 2 "A dog ran 10×
        // as far." shares 5 unigrams (F1 5/6), 3 bigrams of 5 (0.6), an LCS of 5; sentence 1 shares nothing. First two
        // sentences: 5 of 9 vs 6 (2/3), 3 of 8 bigrams vs 5 (18/39), LCS 5. Whole abstract (16 tokens): 5/16 vs 5/6
        // (0.4545), 3 of 15 vs 5 (0.3). Numbers: the entry states 10, as sentence 2 does ("10×").
        DairEntry[] entries =
        [
            Entry("2501.00002", "**Dog** - a dog ran 10x as far"),
            Entry("2501.00003", "Not Given  this paper's abstract is not in the files"),
            Entry("2501.00002", "**Only A Name**"),
        ];
        var report = Evaluate(entries, [Paper("2501.00002", "Dogs", "The cat sat. A dog ran 10× as far. It won 3 of 5 big bet.")]);
        var rows = report.Rows.ToDictionary(r => r.Name, r => (r.Rouge1, r.Rouge2, r.RougeL, r.SharesNumber));

        Assert.Equal((3, 1, 1, 1, 1), (report.Entries, report.Matched, report.Papers, report.HeadingsRemoved, report.StatingNumbers));
        Assert.Equal((0.0, 0.0, 0.0, 0.0), rows[DairEvaluation.FirstSentence]);
        Assert.Equal((66.67, 46.15, 66.67, 100.0), rows[DairEvaluation.FirstTwo]);
        Assert.Equal((45.45, 30.0, 45.45, 100.0), rows[DairEvaluation.FirstThree]);
        Assert.Equal((45.45, 30.0, 45.45, 100.0), rows[DairEvaluation.WholeAbstract]);
        Assert.Equal((83.33, 60.0, 83.33, 100.0), rows[DairEvaluation.OracleSentence]);
        Assert.Equal((83.33, 60.0, 83.33, 100.0), rows[DairEvaluation.GreedyOracle]);
        Assert.Equal(16, report.Rows.Single(r => r.Name == DairEvaluation.WholeAbstract).Words);
    }

    [Fact]
    public void No_matched_entry_gives_zeros_not_a_division_by_zero()
    {
        var report = Evaluate([Entry("2501.00009", "X  y")], []);

        Assert.Equal((1, 0, 0), (report.Entries, report.Matched, report.StatingNumbers));
        Assert.All(report.Rows, r => Assert.Equal((0.0, 0.0, 0.0), (r.Rouge1, r.Words, r.SharesNumber)));
    }

    [Fact]
    public void On_the_shared_data_166_entries_match_an_abstract_and_the_figures_are_in_range()
    {
        var dair = DairFile.Read(SharedData.Require("curation/dair_top10_weekly.jsonl"));
        var listings = Directory.GetFiles(SharedData.Require("arxiv/listings"), "*.jsonl").Order(StringComparer.Ordinal);
        var abstracts = new Dictionary<ArxivId, Paper>();
        foreach (var file in listings.Append(SharedData.Require("curation/hf_daily_upvotes.jsonl")))
        {
            foreach (var featured in CurationFile.Read(file).Papers.Where(p => p.Abstract.Length > 0))
            {
                abstracts.TryAdd(featured.Id, featured.ToPaper());
            }
        }

        var report = DairEvaluation.Run(dair, abstracts, new OfflineWriter());
        var rows = report.Rows.ToDictionary(r => r.Name);
        TestContext.Current.SendDiagnosticMessage(string.Join("; ", report.Rows.Select(r => $"{r.Name}: {r.Rouge1} / {r.Rouge2} / {r.RougeL}, numbers {r.SharesNumber}%")));

        // 1,290 lines, 197 picks not on arXiv; of the 1,093 on arXiv, 12 are in the June 2025 listings and 158 in
        // hf_daily_upvotes.jsonl, 4 in both: 166 entries of 166 papers.
        Assert.Equal((1290, 197, 1093, 166, 166), (dair.Lines, dair.NotOnArxiv, report.Entries, report.Matched, report.Papers));
        Assert.Empty(dair.Problems);
        Assert.Equal(166, report.HeadingsRemoved);
        Assert.InRange(report.StatingNumbers, 50, 166);
        Assert.All(report.Rows, r => Assert.InRange(r.Rouge1, 5, 80));
        Assert.True(rows[DairEvaluation.Offline].Rouge1 > rows[DairEvaluation.FirstSentence].Rouge1);
        Assert.True(rows[DairEvaluation.GreedyOracle].Rouge1 > rows[DairEvaluation.Offline].Rouge1);
        Assert.True(rows[DairEvaluation.OracleSentence].Rouge1 > rows[DairEvaluation.FirstSentence].Rouge1);
        // Every number the offline text states is the abstract's, so it cannot share more of the entries' numbers.
        Assert.InRange(rows[DairEvaluation.Offline].SharesNumber, 1, rows[DairEvaluation.WholeAbstract].SharesNumber);
    }

    private static DairEvaluationReport Evaluate(DairEntry[] entries, Paper[] papers) =>
        DairEvaluation.Run(new DairFileContents(entries.Length, 0, entries, Array.Empty<HarvestProblem>()), papers.ToDictionary(p => p.Id), new OfflineWriter());

    private static DairEntry Entry(string id, string text) => new(new DateOnly(2025, 1, 6), 1, ArxivId.Parse(id), text);

    private static Paper Paper(string id, string title, string abstractText) => new() { Id = ArxivId.Parse(id), Title = title, Abstract = abstractText };
}
