using Roundup.FullText.Pdf;
using Roundup.FullText.Tests.Fixtures;

namespace Roundup.FullText.Tests;

/// <summary>Tables in PDFs made by the tests: layouts and bad input the reader must take without throwing.</summary>
public sealed class PdfTableLayoutTests
{
    [Fact]
    public void A_column_table_keeps_its_numbers_marks_and_text_cells_and_never_its_hidden_text()
    {
        var evidence = new PdfEvidenceReader().Read(PdfTableFixtures.TableInLeftColumn(), "left-column-table.pdf");

        var table = Assert.Single(evidence.Tables);
        Assert.Equal("Table 1", table.Label);
        Assert.Equal("Results on the test set.", table.Caption);
        Assert.Equal(1, table.Page);
        Assert.Equal("1 Introduction", table.Section);
        Assert.Equal(1, table.HeaderRows);
        Assert.Equal(
            [
                ["Method", "Acc.", "F1", "Time"],
                ["Baseline", "70.1 +/- 0.4", "65.0", "n/a"],
                ["Ours", "72.4 +/- 0.3", "68.2*", "—"],
                ["Ablation", "71.0", "", "12"],
            ],
            table.Rows);
        Assert.Equal([new TableCell(2, 0), new TableCell(2, 1)], table.Bold);
        Assert.Contains(evidence.HiddenText, h => h.Text.Contains(PdfTableFixtures.HiddenCell, StringComparison.Ordinal));
        Assert.DoesNotContain(evidence.Sections.SelectMany(s => s.Paragraphs), p => p.Contains("72.4", StringComparison.Ordinal));
    }

    [Fact]
    public void A_table_across_both_columns_is_read_whole_with_its_caption_above_and_its_spanning_header_repeated()
    {
        var evidence = new PdfEvidenceReader().Read(PdfTableFixtures.TableAcrossColumns(), "wide-table.pdf");

        var table = Assert.Single(evidence.Tables);
        Assert.Equal("Table 2", table.Label);
        Assert.Equal(2, table.HeaderRows);
        Assert.Equal(["", "Accuracy", "Accuracy", "", "", ""], table.Rows[0]);
        Assert.Equal(["Model", "Dev", "Test", "Speed", "Memory", "Notes"], table.Rows[1]);
        Assert.Equal(["Our large model", "66.9", "65.1", "3.2x", "8 GB", "n/a"], table.Rows[3]);
        Assert.DoesNotContain(evidence.Sections.SelectMany(s => s.Paragraphs), p => p.Contains("66.9", StringComparison.Ordinal));
        Assert.Contains(evidence.Sections, s => s.Heading == "2 Method" && s.Paragraphs.Count > 0);
    }

    [Fact]
    public void A_caption_without_a_grid_of_text_gives_no_table_and_a_warning_naming_it()
    {
        var evidence = new PdfEvidenceReader().Read(PdfTableFixtures.TableAsImage(), "image-table.pdf");

        Assert.Empty(evidence.Tables);
        Assert.Contains("Table 3 (page 1): no grid of cells beside its caption (an image, or a table of running text?); not read as a table", evidence.Warnings);
        Assert.Contains(evidence.Captions, c => c.StartsWith("Table 3:", StringComparison.Ordinal));
    }
}
