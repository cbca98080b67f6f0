using Roundup.Arxiv.Api;
using Roundup.Arxiv.Tests.Fixtures;
using Roundup.Arxiv.Xml;

namespace Roundup.Arxiv.Tests.Api;

public sealed class ArxivAtomParserTests
{
    private const string Recorded = "arxiv_api_atom/arxiv.py_recorded_2026_bodies/";

    [Fact]
    public void Every_recorded_body_parses_with_its_total_and_as_many_papers_as_entries()
    {
        var folder = Path.GetDirectoryName(Fixture.ProtocolPath(Recorded + "id_abc_s0_m100_b79c8dcf6bc3.xml"))!;
        var legacy = Path.Combine(Path.GetDirectoryName(folder)!, "arxiv.py_legacy_xml");
        var files = Directory.GetFiles(folder, "*.xml").Concat(Directory.GetFiles(legacy, "*.xml")).ToList();
        Assert.Equal(25, files.Count);

        foreach (var file in files)
        {
            var xml = File.ReadAllText(file);
            var page = ArxivAtomParser.Parse(xml, file);
            var entries = xml.Split("<entry>").Length - 1;
            Assert.True(page.TotalResults is not null, file);
            Assert.True(entries == page.Papers.Count + page.Problems.Count, file);
            Assert.All(page.Papers, p => Assert.NotEmpty(p.Categories));
            Assert.All(page.Papers, p => Assert.NotNull(p.Submitted));
        }
    }

    [Fact]
    public void Old_style_id_look_up_keeps_the_archive_and_the_arxiv_extensions()
    {
        var page = ArxivAtomParser.Parse(Fixture.Protocol(Recorded + "id_astro-ph_0601001_s0_m100_3150dca9dc76.xml"), "api");

        var paper = Assert.Single(page.Papers);
        Assert.Equal("astro-ph/0601001", paper.Id.Canonical);
        Assert.Equal(1, paper.Version);
        Assert.Equal(["Andrew Gould", "Susan Dorsher", "B. Scott Gaudi", "Andrzej Udalski"], paper.Authors);
        Assert.Equal(["astro-ph"], paper.Categories);
        Assert.Equal("ActaAstron.56:1-50,2006", paper.JournalRef);
        Assert.StartsWith("62 pages including 16 figures", paper.Comment, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2006, 1, 2, 14, 57, 58, TimeSpan.Zero), paper.Submitted);
        Assert.StartsWith("We derive the frequencies", paper.Abstract, StringComparison.Ordinal);
    }

    [Fact]
    public void Legacy_answer_puts_the_primary_category_first_and_records_both_versions()
    {
        var paper = Assert.Single(ArxivAtomParser.Parse(Fixture.Protocol("arxiv_api_atom/arxiv.py_legacy_xml/id_list=1111.2011v2.xml"), "api").Papers);

        Assert.Equal("1111.2011", paper.Id.ToString());
        Assert.Equal(2, paper.Version);
        Assert.Equal(["cond-mat.str-el", "cond-mat.stat-mech"], paper.Categories);
        Assert.Equal("10.1103/PhysRevB.85.115117", paper.Doi);
        Assert.Equal("Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity Limit", paper.Title);
        Assert.Equal([1, 2], paper.Versions.Select(v => v.Number));
        Assert.Equal(new DateTimeOffset(2012, 4, 2, 12, 38, 54, TimeSpan.Zero), paper.Versions[1].Submitted);
    }

    [Fact]
    public void Bad_id_error_entry_becomes_a_problem_with_the_apis_words()
    {
        var page = ArxivAtomParser.Parse(Fixture.Protocol(Recorded + "id_abc_s0_m100_b79c8dcf6bc3.xml"), "https://export.arxiv.org/api/query?id_list=abc");

        Assert.Empty(page.Papers);
        var problem = Assert.Single(page.Problems);
        Assert.Contains("incorrect id format for abc", problem.Message, StringComparison.Ordinal);
        Assert.StartsWith("https://export.arxiv.org/api/query?id_list=abc, entry 1 (", problem.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_id_answers_an_empty_feed()
    {
        var page = ArxivAtomParser.Parse(Fixture.Protocol(Recorded + "id_0000.0000_s0_m100_8b51d9633a68.xml"), "api");

        Assert.Empty(page.Papers);
        Assert.Empty(page.Problems);
        Assert.Equal(0, page.TotalResults);
    }

    [Theory]
    [InlineData("q_testing_s0_m100_cfe7536492ca.xml", 0, 100)]
    [InlineData("q_testing_s10_m10_34e56e15aaac.xml", 10, 10)]
    [InlineData("q_testing_s9_m15_0b78d4b4d476.xml", 9, 15)]
    public void Paged_search_results_carry_their_opensearch_counts(string file, int start, int count)
    {
        var page = ArxivAtomParser.Parse(Fixture.Protocol(Recorded + file), "api");

        Assert.Equal(214881, page.TotalResults);
        Assert.Equal(start, page.StartIndex);
        Assert.Equal(count, page.Papers.Count);
        Assert.All(page.Papers, p => Assert.DoesNotContain('\n', p.Abstract));
    }

    [Fact]
    public void Two_id_look_up_returns_the_valid_one()
    {
        var paper = Assert.Single(ArxivAtomParser.Parse(Fixture.Protocol(Recorded + "id_1707.08567_s0_m100_6a1afebfc6a3.xml"), "api").Papers);

        Assert.Equal("1707.08567", paper.Id.ToString());
        Assert.Equal("cs.IT", paper.PrimaryCategory);
        Assert.Equal(paper.Categories.Count, paper.Categories.Distinct().Count());
    }

    [Fact]
    public void Html_instead_of_atom_is_a_format_error()
    {
        var e = Assert.Throws<ArxivFormatException>(() => ArxivAtomParser.Parse(Fixture.Read("OaiPmh/html_error.html"), "api"));

        Assert.Contains("HTML", e.Message, StringComparison.Ordinal);
    }
}
