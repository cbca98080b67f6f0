using Roundup.FullText.Pdf;
using Roundup.Testing;

namespace Roundup.FullText.Tests;

/// <summary>Tables read from the shared PDFs, against cells checked by hand; skipped when the data is absent.</summary>
public sealed class PdfTableTests
{
    private const string Reasoning = "2212.08410v3_teaching-small-lms-to-reason.pdf";
    private const string Specter = "2020.acl-main.207.pdf";
    private const string ScienceParse = "N18-3011.pdf";
    private const string Otsl = "2305.03393v1-pg9.pdf";

    public static readonly IReadOnlyList<ExpectedPdfTable> Expected =
    [
        new(Reasoning, "Table 1", 3, ["", "Baseline", "CoT Finetuned", "with Calc.", "CoT 8-shot", "with Calc."],
        [
            ["GSM8K", "8.11", "21.99", "38.21", "56.90", "58.60"],
            ["Dataset Size", "6725", "5337", "5337", "-", "-"],
            ["MAWPS", "54.15", "70.41", "88.22", "93.00", "93.66"],
            ["Dataset Size", "1590", "1590", "1590", "-", "-"],
            ["ASDiv", "39.64", "42.12", "60.73", "73.9", "72.6"],
            ["Dataset Size", "1844", "1544", "1544", "-", "-"],
        ]),
        new(Reasoning, "Table 2", 4, ["", "", "Baseline", "CoT Finetuned", "CoT 8-shot"],
        [
            // "Last Letter Concat." is one label set on two lines beside both rows.
            ["Last Letter Concat.", "OOD: 3", "0.00", "0.00", "94.8"],
            ["Last Letter Concat.", "OOD: 4", "0.00", "0.00", "63.0"],
            ["Coinflip", "OOD: 3", "13.10", "86.70", "98.6"],
            ["Coinflip", "OOD: 4", "73.80", "70.50", "90.2"],
        ]),
        new(Reasoning, "Table 3", 4, ["", "Base Task", "Original Cot", "T5 XXL using PaLM 540B", "T5 XXL using GPT-3 175B", "CoT 8-Shot", "GPT-3 175B"],
        [
            ["GSM8K", "8.11", "19.94", "21.99", "18.42", "56.9", "46.9"],
            ["acc. with Calc.", "-", "26.99", "38.21", "33.06", "58.6", "49.6"],
            ["Dataset Size", "6725", "6725", "5337", "5298", "-", "-"],
            ["StrategyQA", "68.12", "71.98", "67.15", "63.77", "77.8", "65.4"],
            ["Dataset Size", "1648", "1648", "1319", "1319", "-", "-"],
        ]),
        new(Reasoning, "Table 4", 5, ["Percentage of GSM8K", "Acc.", "Acc. with Calc."],
        [
            ["4% (213 examples)", "6.29", "12.28"],
            ["20% (1067 examples)", "11.22", "20.47"],
            ["100% (5337 examples)", "21.99", "38.21"],
        ]),
        new(Specter, "Table 2", 7, ["", "CLS", "USR", "CITE", "REC", "Avg."],
        [
            ["SPECTER", "84.2", "88.4", "91.5", "36.9", "80.0"],
            ["− abstract", "82.2", "72.2", "73.6", "34.5", "68.1"],
            ["+ venue", "84.5", "88.0", "91.2", "36.7", "79.9"],
            ["+ author", "82.7", "72.3", "71.0", "34.6", "67.3"],
            ["No hard negatives", "82.4", "85.8", "89.8", "36.8", "78.4"],
            ["Start w/ BERT-Large", "81.7", "85.9", "87.8", "36.1", "77.5"],
        ]),
        new(ScienceParse, "Table 1", 3, ["Field", "Precision", "Recall", "F1"],
        [
            ["title", "85.5", "85.5", "85.5"],
            ["authors", "92.1", "92.1", "92.1"],
            ["bibliography titles", "89.3", "89.4", "89.3"],
            ["bibliography authors", "97.1", "97.0", "97.0"],
            ["bibliography venues", "91.7", "89.7", "90.7"],
            ["bibliography years", "98.0", "98.0", "98.0"],
        ]),
        new(ScienceParse, "Table 2", 4, ["Approach", "CS prec.", "CS yield", "Bio prec.", "Bio yield"],
        [
            ["Statistical", "98.4", "712", "94.4", "928"],
            ["Hybrid", "91.5", "1990", "92.1", "3126"],
            ["Off-the-shelf", "97.4", "873", "77.5", "1206"],
        ]),
        new(Otsl, "Table 1", 1, ["enc-layers", "dec-layers", "Language", "simple", "complex", "all", "mAP", "Inference"],
        [
            // The layer counts are centred on the OTSL and HTML rows they belong to.
            ["6", "6", "OTSL", "0.965", "0.934", "0.955", "0.88", "2.73"],
            ["6", "6", "HTML", "0.969", "0.927", "0.955", "0.857", "5.39"],
            ["4", "4", "OTSL", "0.938", "0.904", "0.927", "0.853", "1.97"],
            ["4", "4", "HTML", "0.952", "0.909", "0.938", "0.843", "3.77"],
            ["2", "4", "OTSL", "0.923", "0.897", "0.915", "0.859", "1.91"],
            ["2", "4", "HTML", "0.945", "0.901", "0.931", "0.834", "3.81"],
            ["4", "2", "OTSL", "0.952", "0.92", "0.942", "0.857", "1.22"],
            ["4", "2", "HTML", "0.944", "0.903", "0.931", "0.824", "2"],
        ]),
    ];

    public static TheoryData<int> ExpectedTables() => [.. Enumerable.Range(0, Expected.Count)];

    [Theory]
    [MemberData(nameof(ExpectedTables))]
    public void Cells_agree_with_the_hand_checked_table(int index)
    {
        var expected = Expected[index];
        var evidence = Read(expected.Pdf);
        var table = Assert.Single(evidence.Tables, t => t.Label == expected.Label);

        var agreement = expected.Agreement(table);
        TestContext.Current.SendDiagnosticMessage($"{expected.Pdf} {expected.Label}: cell agreement {agreement:P1} of {expected.Cells} cells");
        Assert.Equal(expected.Page, table.Page);
        Assert.True(agreement >= 0.85, $"{expected.Label} of {expected.Pdf}: {agreement:P1} of {expected.Cells} expected cells found\n{Show(table)}");
    }

    [Fact]
    public void The_target_papers_results_table_has_its_caption_section_header_and_bold_best_scores()
    {
        var evidence = Read(Reasoning);
        var table = evidence.Tables.Single(t => t.Label == "Table 1");

        Assert.StartsWith("Task accuracy across arithmetic reasoning datasets", table.Caption, StringComparison.Ordinal);
        Assert.Equal("5.1 Arithmetic reasoning", table.Section);
        Assert.False(table.InAppendix);
        Assert.Equal(["", "Baseline", "CoT Finetuned", "CoT Finetuned", "CoT 8-shot", "CoT 8-shot"], table.Rows[0]);
        var gsm = table.Rows.Select((r, i) => (r, i)).Single(x => x.r[0] == "GSM8K").i;
        Assert.True(table.IsBold(gsm, 2), "21.99 is set in bold");
        Assert.False(table.IsBold(gsm, 1), "8.11 is not");
        Assert.Equal(4, evidence.Tables.Count);
    }

    [Fact]
    public void Bold_cells_are_the_ones_printed_bold()
    {
        var table = Read(Specter).Tables.Single(t => t.Label == "Table 2");
        var specter = table.Rows.Select((r, i) => (r, i)).Single(x => x.r[0] == "SPECTER").i;
        var venue = table.Rows.Select((r, i) => (r, i)).Single(x => x.r[0] == "+ venue").i;

        Assert.Equal([new TableCell(specter, 2), new TableCell(specter, 3), new TableCell(specter, 4), new TableCell(specter, 5), new TableCell(venue, 1)],
            table.Bold.OrderBy(b => b.Row).ThenBy(b => b.Column));
    }

    [Fact]
    public void Table_cells_are_not_read_again_as_sentences()
    {
        var evidence = Read(Reasoning);
        var paragraphs = evidence.Sections.SelectMany(s => s.Paragraphs).ToList();

        Assert.DoesNotContain(paragraphs, p => p.Contains("8.11 21.99", StringComparison.Ordinal) || p.Contains("Dataset Size 6725", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Contains("Table 1 details the task accuracy", StringComparison.Ordinal));
    }

    [Fact]
    public void A_table_set_as_an_image_is_named_in_a_warning_not_read()
    {
        // ScienceParse's Table 3 is a picture: its caption has no text grid beside it.
        var evidence = Read(ScienceParse);

        Assert.DoesNotContain(evidence.Tables, t => t.Label == "Table 3");
        Assert.Contains(evidence.Warnings, w => w.StartsWith("Table 3 (page 5)", StringComparison.Ordinal));
    }

    private static PaperEvidence Read(string pdf) => new PdfEvidenceReader().Read(SharedData.Require($"fulltext/pdfs/{pdf}"));

    private static string Show(EvidenceTable table) => string.Join("\n", table.Rows.Select(r => string.Join(" | ", r)));
}
