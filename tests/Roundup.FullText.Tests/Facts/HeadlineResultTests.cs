using Roundup.FullText.Facts;
using Roundup.FullText.Facts.Headline;

namespace Roundup.FullText.Tests.Facts;

/// <summary>The headline result, result lines and unsupported abstract claims, read from synthetic tables.</summary>
public sealed class HeadlineResultTests
{
    [Fact]
    public void A_row_marked_ours_is_the_method_and_the_best_other_row_the_baseline()
    {
        var table = Table("Table 2", "Results on GLUE.",
            ["Method", "Acc", "F1"],
            ["BERT", "80.1", "78.0"],
            ["RoBERTa", "82.3", "79.4"],
            ["Adapter (ours)", "84.0", "81.2"]);

        var facts = HeadlineFinder.Find(Paper("Cheap Adapters for Everyone", "", table));

        var headline = Assert.Single(facts, f => f.Kind == FactKind.HeadlineResult);
        Assert.Equal("Adapter: 81.2 F1 on GLUE vs 79.4 for RoBERTa, Table 2", headline.Value);
        Assert.Equal("Table 2", headline.Section);
        Assert.Equal("Table 2", headline.Table);
        Assert.Equal("Table 2, row \u201cAdapter (ours)\u201d, column \u201cF1\u201d: 81.2; row \u201cRoBERTa\u201d, same column: 79.4 (margin +1.8, higher is better)", headline.Sentence);
        Assert.Equal(OwnMethodRule.Ours, OwnMethod.Find(ResultsTable.Read(table), [])!.Rule);
        Assert.Contains(facts, f => f.Kind == FactKind.ResultClaim && f.Value == "Adapter: 84.0 Acc on GLUE vs 82.3 for RoBERTa, Table 2");
    }

    [Fact]
    public void The_method_named_before_the_title_colon_is_found_by_name()
    {
        var table = Table("Table 1", "Main results.",
            ["Model", "BLEU"],
            ["Transformer", "27.3"],
            ["FastNMT-small", "26.9"],
            ["FastNMT", "28.4"]);
        var paper = Paper("FastNMT: Translation at Speed", "", table);

        var own = OwnMethod.Find(ResultsTable.Read(table), MethodNames.Find(paper));

        Assert.Equal(OwnMethodRule.Name, own!.Rule);
        Assert.Equal([2, 3], own.Rows);
        Assert.Equal("FastNMT: 28.4 BLEU vs 27.3 for Transformer, Table 1", Assert.Single(HeadlineFinder.Find(paper), f => f.Kind == FactKind.HeadlineResult).Value);
    }

    [Fact]
    public void A_coinage_the_abstract_introduces_names_the_method_but_a_dataset_it_introduces_does_not()
    {
        var paper = Paper("Learning to Mix Graphs",
            "We introduce GraphBench, a benchmark of 40 tasks. We propose GraphMix, which mixes graphs.",
            Table("Table 3", "Accuracy on GraphBench.", ["Method", "Accuracy"], ["GraphBench baseline", "61.0"], ["GCN", "70.2"], ["GraphMix", "74.9"]));

        Assert.Equal(["GraphMix"], MethodNames.Find(paper));
        Assert.Equal("GraphMix: 74.9 Accuracy on GraphBench vs 70.2 for GCN, Table 3", Assert.Single(HeadlineFinder.Find(paper), f => f.Kind == FactKind.HeadlineResult).Value);
    }

    [Fact]
    public void Without_a_name_or_ours_the_row_with_the_most_bold_cells_is_the_method()
    {
        var table = Table("Table 4", "Comparison with prior work.",
            ["Method", "EM", "F1"],
            ["DrQA", "69.5", "78.8"],
            ["Reader", "71.1", "80.9"],
            ["Retro-Reader", "73.0", "82.5"]) with { Bold = [new(3, 1), new(3, 2), new(2, 1)] };

        var own = OwnMethod.Find(ResultsTable.Read(table), []);

        Assert.Equal(OwnMethodRule.Bold, own!.Rule);
        Assert.Equal("Retro-Reader", own.Name);

        // Bold tied between two rows says nothing about which is the paper's.
        Assert.Null(OwnMethod.Find(ResultsTable.Read(table with { Bold = [new(3, 1), new(2, 2)] }), []));

        // A row cited with its year is earlier work, however bold: a paper comparing others' methods has none of its own.
        var cited = Table("Table 4", "A comparison of algorithms.",
            ["Method", "R@10"],
            ["DrQA (2017)", "0.61"],
            ["SuperPAL (2021)", "0.77"],
            ["MultiVers (2022)", "0.71"]) with { Bold = [new(2, 1)] };
        Assert.Null(OwnMethod.Find(ResultsTable.Read(cited), []));
        var citedInLatex = Table("Table 4", "A comparison of algorithms.",
            ["Method", "R@10"],
            ["DrQA [cite]", "0.61"],
            ["SuperPAL [cite]", "0.77"]) with { Bold = [new(2, 1)] };
        Assert.Null(OwnMethod.Find(ResultsTable.Read(citedInLatex), []));
    }

    [Fact]
    public void Lower_is_better_for_error_and_latency_and_an_arrow_in_the_header_wins()
    {
        Assert.Equal(Direction.LowerIsBetter, MetricDirection.Of("Error (%)"));
        Assert.Equal(Direction.LowerIsBetter, MetricDirection.Of("Latency (ms)"));
        Assert.Equal(Direction.LowerIsBetter, MetricDirection.Of("Perplexity"));
        Assert.Equal(Direction.LowerIsBetter, MetricDirection.Of("WER"));
        Assert.Equal(Direction.LowerIsBetter, MetricDirection.Of("Score ↓"));
        Assert.Equal(Direction.HigherIsBetter, MetricDirection.Of("Time saved ↑"));
        Assert.Equal(Direction.HigherIsBetter, MetricDirection.Of("pass@1"));
        Assert.Equal(Direction.HigherIsBetter, MetricDirection.Of("ROUGE-L"));
        Assert.Equal(Direction.HigherIsBetter, MetricDirection.Of("mAP"));
        Assert.Equal(Direction.Unknown, MetricDirection.Of("Dataset"));

        var table = Table("Table 5", "Speech results.", ["System", "WER", "Latency (ms)"], ["Whisper", "7.9", "410"], ["Conformer", "6.8", "120"], ["Ours", "6.1", "95"]);
        var facts = HeadlineFinder.Find(Paper("Fast Speech", "", table));

        Assert.Equal("Ours: 6.1 WER vs 6.8 for Conformer, Table 5", Assert.Single(facts, f => f.Kind == FactKind.HeadlineResult).Value);
        Assert.Contains(facts, f => f.Kind == FactKind.ResultClaim && f.Value == "Ours: 95 ms Latency vs 120 ms for Conformer, Table 5" && f.Sentence.Contains("margin +25, lower is better", StringComparison.Ordinal));
    }

    [Fact]
    public void Spanning_headers_name_the_dataset_and_a_summary_column_is_the_headline()
    {
        var table = Table("Table 2", "",
            ["", "CIFAR-10", "CIFAR-10", "ImageNet", "ImageNet", ""],
            ["Method", "Acc", "Params", "Acc", "Params", "Avg. Acc"],
            ["ResNet", "93.0", "25M", "76.1", "25M", "84.6"],
            ["ViT (ours)", "95.1", "22M", "79.9", "22M", "87.5"]);

        var facts = HeadlineFinder.Find(Paper("Vision", "", table));

        Assert.Equal("ViT: 87.5 Avg. Acc vs 84.6 for ResNet, Table 2", facts.First(f => f.Kind == FactKind.HeadlineResult).Value);
        Assert.Contains(facts, f => f.Value == "ViT: 79.9 Acc on ImageNet vs 76.1 for ResNet, Table 2");
        Assert.Equal("CIFAR-10", ResultsTable.Read(table).Columns[0].Setting);

        // A metric spanning datasets: "Accuracy" over "ImageNet" reads the same way round.
        var flipped = ResultsTable.Read(Table("Table 3", "", ["Method", "Accuracy"], ["", "ImageNet"], ["A", "1.0"], ["B", "2.0"]));
        Assert.Equal(("Accuracy", "ImageNet"), (flipped.Columns[0].Metric, flipped.Columns[0].Setting));
    }

    [Fact]
    public void Oracle_rows_are_not_baselines_and_a_stacked_setting_compares_within_its_group()
    {
        // As a multirow reads in LaTeX: the setting only on its first row, an index column "Row".
        var table = Table("Table 2", "Test set performance on SciFact.",
            ["Retrieval", "Model", "Row", "F1"],
            ["Oracle abstract", "Oracle rationale", "1", "83.3"],
            ["", "Zero-shot", "2", "51.8"],
            ["", "VeriSci", "3", "72.7"],
            ["Open", "Oracle rationale", "4", "67.2"],
            ["", "Zero-shot", "5", "36.4"],
            ["", "VeriSci", "6", "46.5"]);
        var paper = Paper("Fact or Fiction: Verifying Scientific Claims", "", table) with
        {
            Sections = [new EvidenceSection("VeriSci: Baseline model", SectionKind.Method, 1, ["We develop a baseline (referred to as VeriSci) that takes a claim."])],
        };

        var facts = HeadlineFinder.Find(paper);

        Assert.Single(ResultsTable.Read(table).Columns);
        Assert.Equal("VeriSci: 46.5 F1 on SciFact vs 36.4 for Zero-shot, Table 2", Assert.Single(facts, f => f.Kind == FactKind.HeadlineResult).Value);
        Assert.Contains(facts, f => f.Kind == FactKind.ResultClaim && f.Value == "VeriSci: 72.7 F1 on SciFact vs 51.8 for Zero-shot, Table 2");
    }

    [Fact]
    public void Dashes_na_empty_cells_footnote_marks_and_errors_are_read_as_printed()
    {
        Assert.Null(CellNumber.Parse("—"));
        Assert.Null(CellNumber.Parse("-"));
        Assert.Null(CellNumber.Parse("n/a"));
        Assert.Null(CellNumber.Parse(""));
        Assert.Null(CellNumber.Parse("pass@1"));
        Assert.Null(CellNumber.Parse("2019-2020"));
        Assert.Equal(new CellNumber(72.4, 1, "72.4†"), CellNumber.Parse("72.4^†"));
        Assert.Equal(new CellNumber(72.4, 1, "72.4 ± 0.3"), CellNumber.Parse(" 72.4 ± 0.3 "));
        Assert.Equal(1234, CellNumber.Parse("1,234")!.Value.Value);
        Assert.Equal(3.2, CellNumber.Parse("3.2×")!.Value.Value);
        Assert.Equal(-1.5, CellNumber.Parse("−1.5")!.Value.Value);

        var table = Table("Table 1", "Results.",
            ["Method", "Acc", "Acc", "Note"],
            ["Baseline A", "—", "n/a", ""],
            ["Baseline B", "70.1*", "", "old"],
            ["Ours", "72.4^†", "68.0 ± 0.5", ""]);

        var facts = HeadlineFinder.Find(Paper("T", "", table));

        var headline = facts.First(f => f.Kind == FactKind.HeadlineResult);
        Assert.Equal("Ours: 72.4† Acc vs 70.1* for Baseline B, Table 1", headline.Value);
        Assert.DoesNotContain(facts, f => f.Value.Contains('—', StringComparison.Ordinal) || f.Value.Contains("n/a", StringComparison.Ordinal));
        Assert.Contains(facts, f => f.Value == "Ours: 68.0 ± 0.5 Acc, Table 1");
    }

    [Fact]
    public void Methods_set_as_columns_are_read_the_other_way_round_and_the_abstracts_change_names_the_method_and_its_baseline()
    {
        // 2212.08410's layout: methods and their metric in stacked column headers, datasets as rows with a size row
        // under each; no header names the direction the caption's "accuracy" gives; nothing says "ours" or is bold.
        var table = Table("Table 1", "Task accuracy across reasoning datasets for a small model without finetuning (baseline) and finetuned on Teacher generated data.",
            ["", "Baseline", "Finetuned", "Finetuned", "Teacher 8-shot"],
            ["", "Acc.", "Acc.", "Acc. with Calc.", "Acc."],
            ["GSM8K", "8.11", "21.99", "38.21", "56.90"],
            ["Dataset Size", "6725", "5337", "5337", "-"],
            ["MAWPS", "54.15", "70.41", "88.22", "93.00"]) with { HeaderRows = 2 };
        var abstractText = "For example, the accuracy on GSM8K improves from 8.11% to 21.99% when finetuned on teacher outputs.";

        var claims = AbstractClaim.Find(abstractText);
        var change = Assert.Single(claims);
        Assert.Equal((ClaimKind.Change, 21.99, 8.11), (change.Kind, change.Value, change.From!.Value.Value));
        Assert.Null(OwnMethod.Find(ResultsTable.Read(table), [], claims));
        var turned = ResultsTable.Read(table).Transpose();
        Assert.Equal(["GSM8K", "MAWPS"], turned.Columns.Select(c => c.Header));
        Assert.All(turned.Columns, c => Assert.Equal(("accuracy", Direction.HigherIsBetter), (c.Metric, c.Direction)));
        var own = OwnMethod.Find(turned, [], claims)!;
        Assert.Equal((OwnMethodRule.Claim, "Finetuned"), (own.Rule, own.Name));

        var facts = HeadlineFinder.Find(Paper("Teaching Small Models", abstractText, table));

        var headline = Assert.Single(facts, f => f.Kind == FactKind.HeadlineResult);
        Assert.Equal("Finetuned: 21.99 Acc. on GSM8K vs 8.11 for Baseline; Teacher 8-shot does better with 56.90, Table 1", headline.Value);
        Assert.Equal("Table 1, column \u201cFinetuned Acc.\u201d, row \u201cGSM8K\u201d: 21.99; column \u201cBaseline Acc.\u201d, same row: 8.11 (margin +13.88, higher is better); column \u201cTeacher 8-shot Acc.\u201d, same row: 56.90", headline.Sentence);
        Assert.Contains(facts, f => f.Kind == FactKind.ResultClaim && f.Value.StartsWith("Finetuned: 70.41 Acc. on MAWPS vs 54.15 for Baseline", StringComparison.Ordinal));
        // "with Calc." rows are their own group: never the baseline of a row without the calculator.
        Assert.DoesNotContain(facts, f => (f.Value.Contains("38.21", StringComparison.Ordinal) && f.Value.Contains(" vs ", StringComparison.Ordinal)) || f.Value.Contains("6725", StringComparison.Ordinal));
        Assert.DoesNotContain(facts, f => f.Kind == FactKind.UnsupportedClaim);
    }

    [Fact]
    public void A_change_the_tables_do_not_show_is_unsupported_and_years_are_not_a_change()
    {
        var table = Table("Table 1", "Results.", ["Method", "Acc"], ["Base", "40.0"], ["Ours", "52.0"]);

        Assert.Single(HeadlineFinder.Find(Paper("T", "Accuracy improves from 40.0% to 61.0%.", table)), f => f.Kind == FactKind.UnsupportedClaim);
        Assert.Empty(AbstractClaim.Find("Papers published from 2019 to 2023 were collected."));
    }

    [Fact]
    public void An_average_column_without_a_metric_is_read_the_way_of_the_columns_it_averages_and_headlined_first()
    {
        var higher = Table("Table 1", "Results on the suite.", ["Model", "F1", "nDCG", "Avg."], ["A", "70.0", "80.0", "75.0"], ["Ours", "69.0", "84.0", "76.5"]);
        var mixed = Table("Table 1", "Results on the suite.", ["Model", "F1", "Latency", "Avg."], ["A", "70.0", "80.0", "75.0"], ["Ours", "69.0", "84.0", "76.5"]);

        Assert.Equal(Direction.HigherIsBetter, ResultsTable.Read(higher).Columns[^1].Direction);
        Assert.Equal("Ours: 76.5 Avg. vs 75.0 for A, Table 1", Assert.Single(HeadlineFinder.Find(Paper("T", "", higher)), f => f.Kind == FactKind.HeadlineResult).Value);
        // Columns that disagree (quality and cost) give an average no direction: it is not compared.
        Assert.Equal(Direction.Unknown, ResultsTable.Read(mixed).Columns[^1].Direction);
    }

    [Fact]
    public void No_numeric_table_gives_no_headline_and_no_failure()
    {
        var words = Table("Table 1", "Examples of claims.", ["Claim", "Label"], ["Aspirin helps", "Supports"], ["Coffee cures", "Refutes"]);
        var stats = Table("Table 2", "Dataset statistics.", ["Split", "Claims"], ["Train", "809"], ["Test", "300"]);
        var ragged = new EvidenceTable([["", ""], ["Ours", "—"], ["", ""]]);

        Assert.Empty(HeadlineFinder.Find(Paper("T", "Our method is 10× faster and achieves 99.9% accuracy.", words, stats, ragged)));
        Assert.Empty(HeadlineFinder.Find(Paper("T", "", new EvidenceTable([]))));
        Assert.Empty(HeadlineFinder.Find(Paper("T", "")));
    }

    [Fact]
    public void A_main_text_table_is_preferred_and_an_appendix_table_used_when_it_is_all_there_is()
    {
        var appendix = Table("Table 7", "Full results.", ["Method", "F1"], ["Base", "50.0"], ["Ours", "55.0"]) with { InAppendix = true };
        var main = Table("Table 2", "Main results.", ["Method", "F1"], ["Base", "40.0"], ["Ours", "42.0"]);
        var ablation = Table("Table 3", "Ablation on the dev set.", ["Method", "F1"], ["Ours w/o cache", "38.0"], ["Ours", "42.5"]);

        Assert.EndsWith("Table 2", Assert.Single(HeadlineFinder.Find(Paper("T", "", appendix, ablation, main)), f => f.Kind == FactKind.HeadlineResult).Value, StringComparison.Ordinal);
        Assert.Equal("Ours: 55.0 F1 vs 50.0 for Base, Table 7", Assert.Single(HeadlineFinder.Find(Paper("T", "", appendix)), f => f.Kind == FactKind.HeadlineResult).Value);
    }

    [Fact]
    public void Merged_cells_repeated_across_columns_are_one_header_and_a_table_without_label_is_named_by_its_caption()
    {
        var table = Table("", "Results on MMLU and GSM8K",
            ["Model", "MMLU", "MMLU", "GSM8K"],
            ["Model", "5-shot", "0-shot", "pass@1"],
            ["Llama", "63.4", "60.0", "56.8"],
            ["Ours", "65.0", "61.2", "58.1"]);

        var read = ResultsTable.Read(table);
        var facts = HeadlineFinder.Find(Paper("T", "", table));

        Assert.Equal(2, read.HeaderCount);
        Assert.Equal(["MMLU", "5-shot"], read.Columns[0].HeaderParts);
        Assert.Equal("Ours: 58.1 pass@1 on GSM8K vs 56.8 for Llama, the table \u201cResults on MMLU and GSM8K\u201d", facts.First(f => f.Kind == FactKind.HeadlineResult).Value);
    }

    [Fact]
    public void An_abstract_claim_the_tables_do_not_bear_out_becomes_a_fact_and_one_they_do_does_not()
    {
        var table = Table("Table 3", "Latency and accuracy.",
            ["Method", "Latency (ms)", "F1"],
            ["Baseline", "320", "40.0"],
            ["Ours", "100", "45.1"]);

        Fact[] Unsupported(string abstractText) => [.. HeadlineFinder.Find(Paper("T", abstractText, table)).Where(f => f.Kind == FactKind.UnsupportedClaim)];

        var factor = Assert.Single(Unsupported("Our model is 10× faster than the baseline."));
        Assert.Contains("\u201c10× faster\u201d", factor.Value, StringComparison.Ordinal);
        Assert.Contains("the closest the tables show is a factor of 3.2× (Table 3, column \u201cLatency (ms)\u201d: 320 for \u201cBaseline\u201d vs 100 for \u201cOurs\u201d)", factor.Value, StringComparison.Ordinal);
        Assert.Equal("Our model is 10× faster than the baseline.", factor.Sentence);
        Assert.Equal("Abstract", factor.Section);
        Assert.Empty(Unsupported("Our model is 3× faster than the baseline."));
        Assert.Empty(Unsupported("We ran each experiment 5 times."));
        Assert.Single(Unsupported("It gives a speed-up of 8x."));

        Assert.Single(Unsupported("It improves F1 by 9 points."));
        Assert.Empty(Unsupported("It improves F1 by 5.1 points."));
        Assert.Empty(Unsupported("It outperforms the baseline by 5 points."));
        Assert.Empty(Unsupported("It improves F1 by 12.75%."));

        Assert.Empty(Unsupported("It achieves 45.1 F1."));
        Assert.Contains("the closest the tables show is 45.1 (Table 3, row \u201cOurs\u201d, column \u201cF1\u201d)", Assert.Single(Unsupported("It achieves 47.3 F1.")).Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_of_thousands_of_rows_is_read_and_its_claims_checked_within_bounds()
    {
        string[][] rows = [["Method", "Acc", "Time (s)"], .. Enumerable.Range(0, 3000).Select(i => new[] { $"Baseline {i}", $"{50 + (i % 400) / 10.0:F1}", $"{100 + i}" }), ["Ours", "95.0", "10"]];
        var paper = Paper("T", "It is 500× faster and achieves 95.0% accuracy.", Table("Table 1", "Results.", rows));

        var facts = HeadlineFinder.Find(paper);

        Assert.Equal("Ours: 95.0 Acc vs 89.9 for Baseline 399, Table 1", Assert.Single(facts, f => f.Kind == FactKind.HeadlineResult).Value);
        Assert.Contains("\u201c500× faster\u201d", Assert.Single(facts, f => f.Kind == FactKind.UnsupportedClaim).Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_headline_reaches_every_consumer_through_the_fact_extractor()
    {
        var paper = Paper("T", "", Table("Table 1", "Results.", ["Method", "Acc"], ["Base", "1.0"], ["Ours", "2.0"]));

        Assert.Contains(FactExtractor.Extract(paper), f => f.Kind == FactKind.HeadlineResult && f.FromTable);
    }

    internal static EvidenceTable Table(string label, string caption, params string[][] rows) =>
        new(rows) { Label = label, Caption = caption };

    internal static PaperEvidence Paper(string title, string abstractText, params EvidenceTable[] tables) => new()
    {
        Format = EvidenceFormat.Latex,
        Source = "fixture.tex",
        Title = title,
        Abstract = abstractText,
        Tables = tables,
    };
}
