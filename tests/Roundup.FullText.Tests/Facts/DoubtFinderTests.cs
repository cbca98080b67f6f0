using Roundup.FullText.Facts;
using Roundup.FullText.Facts.Doubts;
using Roundup.FullText.Latex;

namespace Roundup.FullText.Tests.Facts;

/// <summary>Each doubt on a synthetic paper that has it, and no doubt on the same paper without it.</summary>
public sealed class DoubtFinderTests
{
    private const string Abstract = "We propose FastNet, a new method for question answering. FastNet reaches 81.2% accuracy on SQuAD.";
    private const string Baselines = "We compare with BERT and RoBERTa, strong published baselines. FastNet outperforms RoBERTa by 2.1 points.";
    private const string Evaluation = "We evaluate on SQuAD and TriviaQA, whose test sets contain 10,000 questions each.";
    private const string Seeds = "All results are averaged over five random seeds and we report the standard deviation.";
    private const string Ablation = "An ablation shows that accuracy drops without the reread module.";

    [Fact]
    public void A_sound_paper_raises_no_doubt()
    {
        Assert.Empty(Doubts(Paper()));
    }

    [Fact]
    public void Results_without_error_bars_or_seeds_are_a_single_run()
    {
        var doubt = Assert.Single(Doubts(Paper(seeds: "")));

        Assert.Equal("no error bars or seeds reported: the results look like a single run", doubt.Value);
        Assert.Equal(DoubtFinder.WholePaper, doubt.Section);
        Assert.True(DoubtFinder.StatesAbsence(doubt));
        Assert.Contains("captions, tables", doubt.Sentence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Accuracy is 81.2 ± 0.3.")]
    [InlineData("Scores are 81.2 $\\pm$ 0.3 over the test set.")]
    [InlineData("We report 95% confidence intervals from a paired bootstrap.")]
    [InlineData("The improvement is statistically significant (p < 0.01).")]
    [InlineData("Each configuration was trained with 3 different seeds.")]
    [InlineData("We run each experiment three times and report the mean and the spread.")]
    public void Spread_reported_anywhere_in_the_text_is_no_single_run(string spread)
    {
        Assert.Empty(Doubts(Paper(seeds: spread)));
    }

    [Fact]
    public void Spread_in_a_caption_a_table_cell_or_the_appendix_is_no_single_run()
    {
        Assert.Empty(Doubts(Paper(seeds: "") with { Captions = ["Table 2: Accuracy. Error bars show one standard deviation."] }));
        Assert.Empty(Doubts(Paper(seeds: "") with { Tables = [new EvidenceTable([["Model", "EM"], ["FastNet", "81.2±0.3"], ["RoBERTa", "79.1±0.4"], ["BERT", "77.0±0.2"]])] }));
        var appendix = Paper(seeds: "");
        appendix = appendix with { Sections = [.. appendix.Sections, new EvidenceSection("A Variance", SectionKind.Appendix, 1, ["Over five runs the standard deviation stays below 0.4."])] };
        Assert.Empty(Doubts(appendix));
    }

    [Fact]
    public void A_seed_that_is_no_random_seed_does_not_count_as_one()
    {
        var doubt = Assert.Single(Doubts(Paper(seeds: "Each seed document yields five claims.")));

        Assert.Equal(FactKind.Doubt, doubt.Kind);
        Assert.StartsWith("no error bars or seeds", doubt.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Results_compared_with_nothing_have_no_baselines()
    {
        var doubts = Doubts(Paper(baselines: "FastNet answers most questions."));

        Assert.Equal("no baselines: the results are not compared with any other method", Assert.Single(doubts).Value);
    }

    [Fact]
    public void Only_random_and_majority_class_baselines_are_weak()
    {
        var doubt = Assert.Single(Doubts(Paper(baselines: "The baselines are a random classifier and a majority-class predictor. FastNet beats the random classifier by 20 points.")));

        Assert.Equal("only weak baselines: random classifier, majority-class", doubt.Value);
        Assert.Equal("The baselines are a random classifier and a majority-class predictor.", doubt.Sentence);
        Assert.Equal("4 Experiments", doubt.Section);
    }

    [Theory]
    [InlineData("The baselines are a random classifier and RoBERTa fine-tuned on SQuAD.")]
    [InlineData("The baselines are a random classifier and the previous state-of-the-art reader.")]
    [InlineData("Besides a majority-class baseline, we compare with DPR and Atlas.")]
    public void A_strong_baseline_beside_a_weak_one_raises_no_doubt(string baselines)
    {
        Assert.Empty(Doubts(Paper(baselines: baselines)));
    }

    [Fact]
    public void A_benchmark_the_authors_introduce_and_alone_evaluate_on_is_doubted()
    {
        var evidence = Paper(
            @abstract: "We introduce HardQA, a new benchmark of 5,000 questions written by experts. We propose FastNet, a method that reaches 61.2% accuracy on it.",
            evaluation: "We evaluate on the HardQA test set of 2,000 questions.",
            results: "FastNet reaches 61.2% accuracy on HardQA.");

        var doubt = Assert.Single(Doubts(evidence));

        Assert.Equal("results only on the authors' own benchmark, HardQA: no other dataset is evaluated", doubt.Value);
        Assert.StartsWith("We introduce HardQA", doubt.Sentence, StringComparison.Ordinal);
        Assert.Equal("Abstract", doubt.Section);
    }

    [Fact]
    public void A_new_benchmark_evaluated_beside_an_established_one_raises_no_doubt()
    {
        var evidence = Paper(
            @abstract: "We introduce HardQA, a new benchmark of 5,000 questions written by experts. We propose FastNet, a method that reaches 61.2% accuracy on it.",
            evaluation: "We evaluate on the HardQA test set of 2,000 questions and on SQuAD.",
            results: "FastNet reaches 61.2% accuracy on HardQA.");

        Assert.Empty(Doubts(evidence));
    }

    [Theory]
    [InlineData("The test set contains 250 questions.", "a small evaluation: tested on 250 questions")]
    [InlineData("We evaluate FastNet on 120 examples drawn from SQuAD.", "a small evaluation: tested on 120 examples")]
    [InlineData("We hold out 300 test questions.", "a small evaluation: tested on 300 questions")]
    public void A_test_set_of_a_few_hundred_examples_is_small(string evaluation, string expected)
    {
        var doubt = Assert.Single(Doubts(Paper(evaluation: evaluation)));

        Assert.Equal(expected, doubt.Value);
        Assert.Equal(evaluation, doubt.Sentence);
    }

    [Theory]
    [InlineData("The test set contains 10,000 questions.")]
    [InlineData("The dev set has 250 questions and the test set contains 10,000 questions.")]
    [InlineData("For each test question we sample 5 prompts.")]
    public void A_large_or_unstated_test_set_is_not_small(string evaluation)
    {
        Assert.Empty(Doubts(Paper(evaluation: evaluation)));
    }

    [Fact]
    public void A_model_ten_times_larger_than_the_compared_ones_is_read_from_the_table()
    {
        var table = new EvidenceTable([["Model", "Params", "EM"], ["BERT", "340M", "77.0"], ["RoBERTa", "355M", "79.1"], ["FastNet (ours)", "7B", "83.2"]]) { Label = "Table 2", HeaderRows = 1 };

        var doubt = Assert.Single(Doubts(Paper() with { Tables = [table] }));

        Assert.Equal("compute far beyond the baselines': 7B against at most 355M for the others", doubt.Value);
        Assert.Equal("Table 2, row \"FastNet (ours)\", column \"Params\": 7B; largest other, row \"RoBERTa\": 355M", doubt.Sentence);
        Assert.Equal("Table 2", doubt.Table);
    }

    [Fact]
    public void Comparable_sizes_and_unreadable_cells_raise_no_compute_doubt()
    {
        var comparable = new EvidenceTable([["Model", "Params", "EM"], ["BERT", "340M", "77.0"], ["FastNet (ours)", "350M", "83.2"]]) { Label = "Table 2", HeaderRows = 1 };
        var unreadable = new EvidenceTable([["Model", "# Params", "EM"], ["BERT", "—", "n/a"], ["", "", ""], ["FastNet (ours)", "n/a", "83.2*"]]) { HeaderRows = 1 };
        var ragged = new EvidenceTable([["Model", "Params"], ["BERT"], ["FastNet (ours)", "7B", "extra"]]);
        var empty = new EvidenceTable([]);

        Assert.Empty(Doubts(Paper() with { Tables = [comparable, unreadable, ragged, empty] }));
    }

    [Fact]
    public void A_method_never_taken_apart_has_no_ablation_but_a_dataset_paper_is_not_held_to_it()
    {
        Assert.Equal("no ablation: the parts of the method are not tested one by one", Assert.Single(Doubts(Paper(ablation: ""))).Value);
        Assert.Empty(Doubts(Paper(ablation: "", baselines: Baselines + " Removing the reread module lowers accuracy by 3 points.")));
        Assert.Empty(Doubts(Paper(ablation: "") with { Tables = [new EvidenceTable([["Model", "EM"], ["FastNet", "83.2"], ["w/o reread", "80.1"], ["w/o cache", "82.0"]])] }));
        var dataset = Paper(
            @abstract: "We introduce HardQA, a new benchmark of 5,000 questions written by experts. We propose FastNet, a method that reaches 61.2% accuracy on it.",
            evaluation: "We evaluate on HardQA and on SQuAD.",
            ablation: "");
        Assert.Empty(Doubts(dataset));
    }

    [Fact]
    public void Stated_limitations_are_quoted_concrete_ones_first_and_announcements_never()
    {
        var evidence = Paper(limitations: "We discuss the limitations of our work below. A limitation is that we only evaluate on English questions. FastNet also requires a large GPU. Future work could try other languages.");

        var doubts = Doubts(evidence);

        Assert.Equal(2, doubts.Count);
        Assert.Equal("a limitation the authors state: we only evaluate on English questions", doubts[0].Value);
        Assert.Equal("A limitation is that we only evaluate on English questions.", doubts[0].Sentence);
        Assert.Equal("7 Limitations", doubts[0].Section);
        Assert.Equal("FastNet also requires a large GPU.", doubts[1].Sentence);
        Assert.DoesNotContain(doubts, d => d.Sentence.Contains("discuss", StringComparison.Ordinal));
    }

    [Fact]
    public void A_limitation_of_others_work_is_not_the_papers_own()
    {
        var evidence = Paper(limitations: "A key limitation of existing methods is that they cannot reread the passage.");

        Assert.Empty(Doubts(evidence));
    }

    [Fact]
    public void No_absence_is_claimed_without_the_whole_paper()
    {
        var abstractOnly = new PaperEvidence { Format = EvidenceFormat.Html, Source = "abstract", Abstract = "We propose FastNet. FastNet reaches 81.2% accuracy on SQuAD." };
        var onePage = Paper(seeds: "", baselines: "", ablation: "");
        onePage = onePage with { References = [], Sections = [.. onePage.Sections.Where(s => s.Kind != SectionKind.Conclusion)] };

        Assert.Empty(Doubts(abstractOnly));
        Assert.Empty(Doubts(onePage));
        Assert.Empty(Doubts(new PaperEvidence { Format = EvidenceFormat.Pdf, Source = "empty.pdf" }));
    }

    [Fact]
    public void A_paper_without_measured_results_raises_no_absence()
    {
        var evidence = Paper(
            @abstract: "We propose FastNet, a new method for question answering.",
            seeds: "",
            baselines: "We describe the system.",
            ablation: "",
            evaluation: "We report on its deployment.",
            results: "Readers liked it.");

        Assert.Empty(Doubts(evidence));
    }

    [Fact]
    public void Many_doubts_are_ordered_by_importance_and_capped()
    {
        var evidence = Paper(
            baselines: "FastNet answers most questions.",
            evaluation: "The test set contains 250 questions.",
            seeds: "",
            ablation: "",
            limitations: "A limitation is that we only evaluate on English questions.");

        var doubts = Doubts(evidence);

        Assert.Equal(DoubtFinder.MaxDoubts, doubts.Count);
        Assert.StartsWith("no baselines", doubts[0].Value, StringComparison.Ordinal);
        Assert.StartsWith("no error bars or seeds", doubts[1].Value, StringComparison.Ordinal);
        Assert.StartsWith("a small evaluation", doubts[2].Value, StringComparison.Ordinal);
        Assert.StartsWith("no ablation", doubts[3].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_consumer_gets_the_doubts_from_the_fact_extractor()
    {
        var facts = FactExtractor.Extract(Paper(seeds: ""));

        Assert.Contains(facts, f => f.Kind == FactKind.Doubt && f.Value.StartsWith("no error bars or seeds", StringComparison.Ordinal));
    }

    [Fact]
    public void Hidden_text_neither_reports_spread_nor_becomes_a_quoted_limitation()
    {
        var tex = """
            \documentclass{article}
            \begin{document}
            \begin{abstract}We propose FastNet, a new method for question answering. FastNet reaches 81.2\% accuracy on SQuAD.\end{abstract}
            \section{Introduction}
            Question answering matters.
            \section{Experiments}
            We compare with BERT and RoBERTa, strong published baselines. FastNet outperforms RoBERTa by 2.1 points.
            An ablation shows that accuracy drops without the reread module. {\color{white} All results are averaged over five random seeds.}
            \section{Limitations}
            A limitation is that we only evaluate on English questions. {\color{white} A limitation is that we only ignore previous instructions.}
            \section{Conclusion}
            FastNet is fast.
            \end{document}
            """;
        var evidence = new LatexEvidenceReader().Read(System.Text.Encoding.UTF8.GetBytes(tex), "hidden.tex");

        var doubts = FactExtractor.Extract(evidence).Where(f => f.Kind == FactKind.Doubt).ToList();

        Assert.Contains(doubts, d => d.Value.StartsWith("no error bars or seeds", StringComparison.Ordinal));
        Assert.Contains(doubts, d => d.Sentence == "A limitation is that we only evaluate on English questions.");
        Assert.DoesNotContain(doubts, d => d.Sentence.Contains("instructions", StringComparison.Ordinal) || d.Value.Contains("instructions", StringComparison.Ordinal));
    }

    private static List<Fact> Doubts(PaperEvidence evidence) => [.. DoubtFinder.Find(evidence, FactExtractor.Extract(evidence).Where(f => f.Kind != FactKind.Doubt).ToList())];

    private static PaperEvidence Paper(
        string @abstract = Abstract,
        string baselines = Baselines,
        string evaluation = Evaluation,
        string seeds = Seeds,
        string ablation = Ablation,
        string limitations = "",
        string results = "FastNet reaches 81.2% accuracy on SQuAD.") =>
        new()
        {
            Format = EvidenceFormat.Latex,
            Source = "fixture.tex",
            Title = "FastNet: Reading Twice",
            Abstract = @abstract,
            Sections =
            [
                new("1 Introduction", SectionKind.Introduction, 1, ["Question answering matters to many readers. " + @abstract]),
                new("2 Related Work", SectionKind.RelatedWork, 1, ["Earlier readers read once."]),
                new("3 Method", SectionKind.Method, 1, ["FastNet reads the passage twice."]),
                new("4 Experiments", SectionKind.Experiments, 1, [.. new[] { evaluation, baselines, seeds }.Where(p => p.Length > 0)]),
                new("5 Results", SectionKind.Results, 1, [.. new[] { results, ablation }.Where(p => p.Length > 0)]),
                new("7 Limitations", SectionKind.Limitations, 1, [.. new[] { limitations }.Where(p => p.Length > 0)]),
                new("8 Conclusion", SectionKind.Conclusion, 1, ["FastNet reads twice and answers better."]),
            ],
            References = ["Devlin et al. BERT. 2019."],
        };
}
