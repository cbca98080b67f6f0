using Roundup.FullText.Facts;
using Roundup.FullText.Facts.Doubts;
using Roundup.Testing;

namespace Roundup.FullText.Tests.Facts;

/// <summary>
/// The doubts on the shared papers in ../shared/data/fulltext, each checked by hand against the paper; skipped when
/// the data is absent.
/// </summary>
public sealed class DoubtsOnSharedPapersTests
{
    [Fact]
    public void Teaching_small_lms_to_reason_is_a_single_run_with_two_stated_limitations()
    {
        // By hand: no ±, standard deviation, seed or repeated run anywhere (Tables 1–4 print one accuracy per cell); it
        // compares with a finetuned T5 XXL and 8-shot PaLM, ablates in 5.1.1, 5.5 and 5.6, and tests on GSM8K, MAWPS,
        // ASDiv, StrategyQA and two symbolic tasks of 1000 examples, none of them its own.
        var doubts = DoubtsOf("fulltext/pdfs/2212.08410v3_teaching-small-lms-to-reason.pdf");

        Assert.Equal(3, doubts.Count);
        Assert.Equal("no error bars or seeds reported: the results look like a single run", doubts[0].Value);
        Assert.True(DoubtFinder.StatesAbsence(doubts[0]));
        Assert.Equal("A limitation is that we only perform experiments in English and on one task at a time.", doubts[1].Sentence);
        Assert.Equal("a limitation the authors state: we only perform experiments in English and on one task at a time", doubts[1].Value);
        Assert.StartsWith("Another limitation of our work is that it only explores the original CoT prompting approach", doubts[2].Sentence, StringComparison.Ordinal);
        Assert.All(doubts.Skip(1), d => Assert.Equal("8 Limitations", d.Section));
    }

    [Fact]
    public void SciFact_is_tested_on_300_claims_and_its_appendix_reports_standard_deviations()
    {
        // By hand: the test set is 300 claims (Table 1's Test row; the appendix's bootstrap paragraph). Standard
        // deviations over 10,000 bootstrap samples are in the appendix tables, so it is no single run. It introduces
        // SciFact, so it is not held to an ablation; its sanity check on the Fever test set keeps it from "own
        // benchmark only", which is left unsaid rather than risked.
        var doubts = DoubtsOf("fulltext/latex_sources/2004.14974_SciFact_arxiv-source.tar.gz");

        var doubt = Assert.Single(doubts);
        Assert.Equal("a small evaluation: tested on 300 claims", doubt.Value);
        Assert.StartsWith("Given our test set with", doubt.Sentence, StringComparison.Ordinal);
        Assert.Equal("Full task: additional performance measurements", doubt.Section);
    }

    [Fact]
    public void LongEval_quotes_the_two_concrete_sentences_of_its_limitations_section()
    {
        // By hand: the section's first paragraph lists confounders without saying what they limit; the second says
        // what the paper does not cover. Confidence intervals are reported (Figure 2), so no single run.
        var doubts = DoubtsOf("fulltext/pdfs/2023.eacl-main.121.pdf");

        Assert.Equal(2, doubts.Count);
        Assert.StartsWith("Our paper is limited to faithfulness evaluation", doubts[0].Sentence, StringComparison.Ordinal);
        Assert.Equal("Our findings may not generalize to evaluation of coherence or salience.", doubts[1].Sentence);
        Assert.All(doubts, d => Assert.Equal("Limitations", d.Section));
    }

    [Fact]
    public void S2orc_reports_seeds_and_evaluates_on_others_benchmarks_so_nothing_is_doubted()
    {
        // By hand: "mean ± standard deviation of 5 runs with different random seeds"; a corpus paper whose SciBERT is
        // evaluated on many existing tasks; no limitations section.
        Assert.Empty(DoubtsOf("fulltext/latex_sources/1911.02782_S2ORC_arxiv-source.tar.gz"));
    }

    [Theory]
    [InlineData("fulltext/pdfs/2305.03393v1-pg9.pdf")]
    [InlineData("fulltext/pdfs/2304.02623v1.pdf")]
    [InlineData("fulltext/pdfs/1111.2011v2.pdf")]
    public void No_absence_is_claimed_of_a_single_page_a_design_paper_or_a_physics_paper(string path)
    {
        var doubts = DoubtsOf(path);

        Assert.DoesNotContain(doubts, DoubtFinder.StatesAbsence);
    }

    private static List<Fact> DoubtsOf(string path)
    {
        var evidence = new FullTextReader().Read(SharedData.Require(path));
        var doubts = FactExtractor.Extract(evidence).Where(f => f.Kind == FactKind.Doubt).ToList();
        TestContext.Current.SendDiagnosticMessage($"{path}: {string.Join(" | ", doubts.Select(d => $"{d.Value} [{d.Section}]"))}");
        Assert.True(doubts.Count <= DoubtFinder.MaxDoubts);
        return doubts;
    }
}
