using Roundup.FullText.Pdf;
using Roundup.FullText.Tests.Fixtures;

namespace Roundup.FullText.Tests;

public sealed class PdfReadingOrderTests
{
    [Fact]
    public void Left_column_is_read_before_the_right_even_when_written_after_it()
    {
        var evidence = new PdfEvidenceReader().Read(PdfFixtures.TwoColumn(), "two-column.pdf");

        Assert.Equal(["1 Introduction", "2 Method"], evidence.Sections.Select(s => s.Heading));
        Assert.Equal(SectionKind.Introduction, evidence.Sections[0].Kind);
        Assert.StartsWith("Left column text comes first", evidence.Sections[0].Paragraphs[0], StringComparison.Ordinal);
        Assert.StartsWith("Right column text comes second", evidence.Sections[1].Paragraphs[0], StringComparison.Ordinal);
        Assert.Equal("A Paper About Columns", evidence.Title);
    }
}
