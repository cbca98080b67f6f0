using Roundup.Testing;

namespace Roundup.FullText.Tests.Tables;

/// <summary>
/// Tables of the shared LaTeX bundles, their expected cells typed from the .tex sources by hand
/// (SciFact: tables/components.tex, tables/main-results.tex, tables/evidence-stats.tex; S2ORC: main.tex).
/// </summary>
public sealed class LatexRealTablesTests
{
    private static readonly string[][] SciFactComponents =
    [
        ["", "Rational-Select.", "Rational-Select.", "Rational-Select.", "Label-Pred.", "Label-Pred.", "Label-Pred."],
        ["Training data", "P", "R", "F1", "Acc.", "Acc.", "Acc."],
        ["Fever", "41.5", "57.9", "48.4", "67.6", "67.6", "67.6"],
        ["UKP Snopes", "42.5", "62.3", "50.5", "71.3", "71.3", "71.3"],
        ["SciFact", "73.7", "70.5", "72.1", "75.7", "75.7", "75.7"],
        ["Fever + SciFact", "72.4", "67.2", "69.7", "81.9", "81.9", "81.9"],
        ["Sentence encoder", "P", "R", "F1", "Acc.", "Acc.", "Acc."],
        ["SciBERT", "74.5", "74.3", "74.4", "69.2", "69.2", "69.2"],
        ["BioMedRoBERTa", "75.3", "69.9", "72.5", "71.7", "71.7", "71.7"],
        ["RoBERTa-base", "76.1", "66.1", "70.8", "62.9", "62.9", "62.9"],
        ["RoBERTa-large", "73.7", "70.5", "72.1", "75.7", "75.7", "75.7"],
        ["Model inputs", "P", "R", "F1", "Acc.", "Acc.", "Acc."],
        ["Claim-only", "-", "-", "-", "44.5", "44.5", "44.5"],
        ["Abstract-only", "60.1", "60.9", "60.5", "53.3", "53.3", "53.3"],
    ];

    private static readonly string[][] SciFactMainResultsBody =
    [
        ["Retrieval", "Model", "Row", "P", "R", "F1", "P", "R", "F1", "", "P", "R", "F1", "P", "R", "F1"],
        ["Oracle abstract", "Oracle rationale", "1", "100.0", "80.5", "89.2", "89.6", "72.2", "79.9", "", "90.1", "77.5", "83.3", "90.1", "77.5", "83.3"],
        ["", "Zero-shot", "2", "42.5", "45.1", "43.8", "36.1", "38.4", "37.2", "", "86.9", "53.6", "66.3", "67.9", "41.9", "51.8"],
        ["", "VeriSci", "3", "76.1", "63.8", "69.4", "66.5", "55.7", "60.6", "", "87.3", "65.3", "74.7", "84.9", "63.5", "72.7"],
        ["Open", "Oracle rationale", "4", "100.0", "56.5", "72.2", "87.6", "49.5", "63.2", "", "88.9", "54.1", "67.2", "88.9", "54.1", "67.2"],
        ["", "Zero-shot", "5", "28.7", "37.6", "32.5", "23.7", "31.1", "26.9", "", "56.0", "42.3", "48.2", "42.3", "32.0", "36.4"],
        ["", "VeriSci", "6", "45.0", "47.3", "46.1", "38.6", "40.5", "39.5", "", "47.5", "47.3", "47.4", "46.6", "46.4", "46.5"],
    ];

    private static readonly string[][] SciFactLabelCounts =
    [
        ["Fold", "Supports", "NoInfo", "Refutes", "All"],
        ["Train", "332", "304", "173", "809"],
        ["Dev", "124", "112", "64", "300"],
        ["Test", "100", "100", "100", "300"],
        ["All", "556", "516", "337", "1409"],
    ];

    private static readonly string[][] S2orcEvaluation =
    [
        ["Evaluated task", "Title", "Authors"],
        ["Paper clustering", "0.93", "0.89"],
        ["Bib. linking (Grobid)", "1.00", "0.96"],
        ["Bib. linking (LaTeX)", "1.00", "0.92"],
    ];

    [Fact]
    public void SciFact_pipeline_components_table()
    {
        var table = Table("2004.14974_SciFact_arxiv-source.tar.gz", "Table 3");

        Assert.StartsWith("Comparison of different training datasets, encoders, and model inputs", table.Caption, StringComparison.Ordinal);
        Assert.Equal(1, table.HeaderRows);
        AssertAgreement("SciFact Table 3", SciFactComponents, table);
        Assert.Equal(
            [new(1, 0), new(4, 3), new(5, 4), new(5, 5), new(5, 6), new(6, 0), new(7, 3), new(10, 4), new(10, 5), new(10, 6), new(11, 0)],
            table.Bold.OrderBy(b => b.Row).ThenBy(b => b.Column).ToArray());
        Assert.False(table.InAppendix);
    }

    [Fact]
    public void SciFact_main_results_table()
    {
        var table = Table("2004.14974_SciFact_arxiv-source.tar.gz", "Table 4");

        Assert.StartsWith("Test set performance on SciFact", table.Caption, StringComparison.Ordinal);
        Assert.Equal(3, table.HeaderRows);
        Assert.Equal(Enumerable.Repeat("Sentence-level", 6), table.Rows[0].Skip(3).Take(6));
        Assert.Equal(Enumerable.Repeat("Label+Rationale", 3), table.Rows[1].Skip(13));
        AssertAgreement("SciFact Table 4", SciFactMainResultsBody, table, firstRow: 2);
        var boldBody = table.Bold.Where(b => b.Row >= 3).OrderBy(b => b.Row).ThenBy(b => b.Column).ToArray();
        Assert.Equal([new(3, 0), new(5, 8), new(5, 15), new(6, 0), new(8, 8), new(8, 15)], boldBody);
    }

    [Fact]
    public void SciFact_subtables_share_their_floats_number_and_appendix_tables_are_marked()
    {
        var evidence = Read("2004.14974_SciFact_arxiv-source.tar.gz");

        var stats = evidence.Tables.Where(t => t.Label == "Table 2").ToList();
        Assert.Equal(2, stats.Count);
        Assert.StartsWith("Statistics on claim labels", stats[0].Caption, StringComparison.Ordinal);
        AssertAgreement("SciFact Table 2 (a)", SciFactLabelCounts, stats[0]);
        Assert.Equal(["Table 1", "Table 2", "Table 2", "Table 3", "Table 4", "Table 5", "Table 6", "Table 6", "Table 7", "Table 7", "Table 8"], evidence.Tables.Select(t => t.Label));
        Assert.Equal(evidence.Tables.Select(t => t.Label is "Table 6" or "Table 7" or "Table 8"), evidence.Tables.Select(t => t.InAppendix));
        Assert.Contains(evidence.Captions, c => c.StartsWith("Test set performance on SciFact", StringComparison.Ordinal));
    }

    [Fact]
    public void S2orc_tables()
    {
        var evaluation = Table("1911.02782_S2ORC_arxiv-source.tar.gz", "Table 6");
        Assert.StartsWith("Accuracy of paper clustering and bibliography linking", evaluation.Caption, StringComparison.Ordinal);
        Assert.Equal(1, evaluation.HeaderRows);
        AssertAgreement("S2ORC Table 6", S2orcEvaluation, evaluation);

        var replication = Table("1911.02782_S2ORC_arxiv-source.tar.gz", "Table 5");
        Assert.Equal(["Biomed", "EBM-NLP", "[cite]", "PICO", "72.28", "72.35 ± 0.95"], replication.Rows[4]);
        Assert.Equal(["Domain", "Dataset", "Reference", "Task", "SciBERT", "S2ORC-SciBERT"], replication.Rows[0]);
        Assert.Empty(replication.Bold);

        var corpora = Table("1911.02782_S2ORC_arxiv-source.tar.gz", "Table 1");
        Assert.Equal("Papers w/ body text", corpora.Rows[0][1]);
        Assert.All(Enumerable.Range(0, 6), c => Assert.True(corpora.IsBold(1, c) && corpora.IsBold(2, c)));
        Assert.False(corpora.IsBold(3, 1));

        Assert.True(Table("1911.02782_S2ORC_arxiv-source.tar.gz", "Table 8").InAppendix);
    }

    private static void AssertAgreement(string name, string[][] expected, EvidenceTable table, int firstRow = 0)
    {
        var cells = expected.SelectMany((row, r) => row.Select((cell, c) => (cell, r: r + firstRow, c))).ToList();
        var agreeing = cells.Count(x => x.r < table.Rows.Count && x.c < table.Rows[x.r].Count && table.Rows[x.r][x.c] == x.cell);
        TestContext.Current.SendDiagnosticMessage($"{name}: {agreeing}/{cells.Count} cells agree ({(double)agreeing / cells.Count:P1})\n{TableDump.Of(table)}");
        Assert.Equal(expected.Select(r => r.ToArray()), table.Rows.Skip(firstRow).Take(expected.Length).Select(r => r.ToArray()));
    }

    private static EvidenceTable Table(string bundle, string label) => Assert.Single(Read(bundle).Tables, t => t.Label == label);

    private static PaperEvidence Read(string bundle) => new FullTextReader().Read(SharedData.Require($"fulltext/latex_sources/{bundle}"));
}
