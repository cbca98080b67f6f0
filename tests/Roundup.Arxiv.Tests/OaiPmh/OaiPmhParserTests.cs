using Roundup.Arxiv.OaiPmh;
using Roundup.Arxiv.Tests.Fixtures;
using Roundup.Arxiv.Xml;

namespace Roundup.Arxiv.Tests.OaiPmh;

public sealed class OaiPmhParserTests
{
    private static readonly Uri Url = new("https://oaipmh.arxiv.org/oai?verb=ListRecords&metadataPrefix=arXivRaw&set=cs&from=2025-06-21");

    [Fact]
    public void Real_arXivRaw_page_yields_387_papers_with_version_histories_and_its_resumption_token()
    {
        var xml = Fixture.Protocol("oai_pmh/litpuvn_arxiv-oai-harvester/ListRecords_arXivRaw_from2016-10-20_page1.xml");

        var response = OaiPmhParser.Parse(xml, Url);

        Assert.Equal(387, response.Papers.Count);
        Assert.Empty(response.Problems);
        Assert.Equal("1403493|1001", response.ResumptionToken);
        var first = response.Papers[0];
        Assert.Equal("0803.4354", first.Id.ToString());
        Assert.Equal(6, first.Version);
        Assert.Equal([1, 2, 3, 4, 5, 6], first.Versions.Select(v => v.Number));
        Assert.Equal(new DateTimeOffset(2008, 3, 30, 23, 26, 50, TimeSpan.Zero), first.Submitted);
        Assert.Equal(new DateTimeOffset(2016, 10, 20, 16, 58, 38, TimeSpan.Zero), first.Versions[^1].Submitted);
        Assert.Equal("69kb", first.Versions[0].Size);
        Assert.Equal("A O(n^8) X O(n^7) Linear Programming Model of the Traveling Salesman Problem", first.Title);
        Assert.Equal(["cs.DM"], first.Categories);
        Assert.StartsWith("In this paper, we present a new linear programming (LP) formulation", first.Abstract, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', first.Abstract);
        Assert.All(response.Papers, p => Assert.NotEmpty(p.Versions));
        Assert.All(response.Papers, p => Assert.NotNull(p.Submitted));
        Assert.Contains(response.Papers, p => p.Abstract.Contains("$\\alpha$", StringComparison.Ordinal));
    }

    [Fact]
    public void Real_ListRecords_answer_splits_authors_on_commas_and_and()
    {
        var response = OaiPmhParser.Parse(Fixture.Protocol("oai_pmh/mikesaelim_arXivOAIHarvester/ListRecordsResponse.xml"), Url);

        Assert.Equal(6, response.Papers.Count);
        Assert.Equal("726959|1001", response.ResumptionToken);
        var shetty = response.Papers[0];
        Assert.Equal(["D.V. Shetty", "S.J. Yennello", "G.A. Souliotis"], shetty.Authors);
        Assert.Equal("Phys.Rev.C76:024606,2007; Erratum-ibid.C76:039902,2007", shetty.JournalRef);
        Assert.Contains("extremely \" stiff \" and", shetty.Abstract, StringComparison.Ordinal);
        var richard = response.Papers[1];
        Assert.Equal(["math-ph", "math.MP"], richard.Categories);
        Assert.Equal(4, richard.Version);
        Assert.Equal("http://arxiv.org/licenses/nonexclusive-distrib/1.0/", richard.License);
    }

    [Fact]
    public void Real_GetRecord_answers_are_read()
    {
        var lagoze = Assert.Single(OaiPmhParser.Parse(Fixture.Protocol("oai_pmh/litpuvn_arxiv-oai-harvester/GetRecord_arXivRaw.xml"), Url).Papers);
        Assert.Equal(["Carl Lagoze", "Herbert Van de Sompel", "Michael L. Nelson", "Simeon Warner", "Robert Sanderson", "Pete Johnston"], lagoze.Authors);
        Assert.Equal("Object Re-Use & Exchange: A Resource-Centric Approach", lagoze.Title);
        Assert.Equal(["cs.DL", "cs.NI"], lagoze.Categories);

        var berger = Assert.Single(OaiPmhParser.Parse(Fixture.Protocol("oai_pmh/mikesaelim_arXivOAIHarvester/GetRecordResponse.xml"), Url).Papers);
        Assert.Equal(["Joshua Berger", "Maxim Perelstein", "Michael Saelim", "Philip Tanedo"], berger.Authors);
        Assert.Equal(2, berger.Version);
        Assert.Equal("18 pages, 6 figures; v2: References added", berger.Comment);
    }

    [Theory]
    [InlineData("ErrorResponseBadArgument.xml", "badArgument")]
    [InlineData("ErrorResponseBadResumptionToken.xml", "badResumptionToken")]
    [InlineData("ErrorResponseBadVerb.xml", "badVerb")]
    [InlineData("ErrorResponseIdDoesNotExist.xml", "idDoesNotExist")]
    public void Real_OAI_error_answers_throw_with_their_code(string file, string code)
    {
        var xml = Fixture.Protocol($"oai_pmh/mikesaelim_arXivOAIHarvester/{file}");

        var e = Assert.Throws<OaiPmhException>(() => OaiPmhParser.Parse(xml, Url));

        Assert.Equal(code, e.Code);
        Assert.Equal(Url, e.Url);
        Assert.Contains(code, e.Message, StringComparison.Ordinal);
        Assert.Equal(code == "badResumptionToken", e.RestartRequired);
        if (e.RestartRequired)
        {
            Assert.Contains("restart from the beginning", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Real_noRecordsMatch_answer_is_an_empty_last_page()
    {
        var response = OaiPmhParser.Parse(Fixture.Protocol("oai_pmh/mikesaelim_arXivOAIHarvester/ErrorResponseNoRecordsMatch.xml"), Url);

        Assert.Empty(response.Papers);
        Assert.Empty(response.Problems);
        Assert.Null(response.ResumptionToken);
    }

    [Fact]
    public void Bad_records_become_problems_and_the_good_ones_around_them_are_kept()
    {
        var xml = Fixture.Read("OaiPmh/mixed_records.xml").Replace("{{LONG_TITLE}}", new string('x', 50_000), StringComparison.Ordinal);

        var response = OaiPmhParser.Parse(xml, Url);

        Assert.Equal(["2506.17001", "2506.17005"], response.Papers.Select(p => p.Id.ToString()));
        Assert.Equal(1, response.Deleted);
        Assert.Equal("7301928|1001", response.ResumptionToken);
        Assert.Equal(3, response.Problems.Count);
        Assert.Equal($"{Url}, record 2 (oai:arXiv.org:2506.1700)", response.Problems[0].Location);
        Assert.Contains("digits", response.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal($"{Url}, record 3 (oai:arXiv.org:2506.17003)", response.Problems[1].Location);
        Assert.Contains("50,000", response.Problems[1].Message, StringComparison.Ordinal);
        Assert.Equal($"{Url}, record 6 (oai:arXiv.org:2506.17006)", response.Problems[2].Location);
        Assert.Equal("the title is missing", response.Problems[2].Message);
        Assert.Equal(["Ada Lovelace", "Alan Turing", "Grace Hopper"], response.Papers[0].Authors);
        Assert.Equal("Compilers for Everyone", response.Papers[1].Title);
    }

    [Fact]
    public void Truncated_page_is_a_format_error_naming_the_url_and_line()
    {
        var e = Assert.Throws<ArxivFormatException>(() => OaiPmhParser.Parse(Fixture.Read("OaiPmh/truncated.xml"), Url));

        Assert.Equal(Url.ToString(), e.Location);
        Assert.NotNull(e.Line);
        Assert.True(e.Line >= 14, $"line {e.Line}");
        Assert.Contains($"line {e.Line}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_error_page_is_named_as_html()
    {
        var e = Assert.Throws<ArxivFormatException>(() => OaiPmhParser.Parse(Fixture.Read("OaiPmh/html_error.html"), Url));

        Assert.Contains("HTML", e.Message, StringComparison.Ordinal);
        Assert.Contains("Service Unavailable", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OaiPmh/billion_laughs.xml")]
    [InlineData("OaiPmh/external_entity.xml")]
    public void Documents_with_a_DTD_are_refused(string fixture)
    {
        var e = Assert.Throws<ArxivFormatException>(() => OaiPmhParser.Parse(Fixture.Read(fixture), Url));

        Assert.Contains("DTD", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_that_is_not_OAI_PMH_is_a_format_error()
    {
        var e = Assert.Throws<ArxivFormatException>(() => OaiPmhParser.Parse("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", Url));

        Assert.Contains("<feed>", e.Message, StringComparison.Ordinal);
    }
}
