using Roundup.Arxiv.OaiPmh;

namespace Roundup.Arxiv.Tests.OaiPmh;

public sealed class ArxivMetadataFormatTests
{
    private const string Record = """
        <?xml version="1.0" encoding="UTF-8"?>
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
        <responseDate>2025-06-26T04:00:00Z</responseDate>
        <request verb="GetRecord">https://oaipmh.arxiv.org/oai</request>
        <GetRecord><record>
        <header><identifier>oai:arXiv.org:0704.0001</identifier><datestamp>2008-11-13</datestamp><setSpec>physics:hep-ph</setSpec></header>
        <metadata>
        <arXiv xmlns="http://arxiv.org/OAI/arXiv/">
        <id>0704.0001</id><created>2007-04-02</created><updated>2007-07-24</updated>
        <authors>
          <author><keyname>Bal&#225;zs</keyname><forenames>C.</forenames></author>
          <author><keyname>Berger</keyname><forenames>E. L.</forenames></author>
          <author><keyname>Nadolsky</keyname><forenames>P. M.</forenames><suffix>Jr</suffix></author>
        </authors>
        <title>Calculation of prompt diphoton production cross sections at Tevatron and
          LHC energies</title>
        <categories>hep-ph hep-ex</categories>
        <comments>37 pages, 15 figures</comments>
        <journal-ref>Phys.Rev.D76:013009,2007</journal-ref>
        <doi>10.1103/PhysRevD.76.013009</doi>
        <license>http://arxiv.org/licenses/nonexclusive-distrib/1.0/</license>
        <abstract>  A fully differential calculation in perturbative quantum chromodynamics is
        presented.</abstract>
        </arXiv>
        </metadata>
        </record></GetRecord>
        </OAI-PMH>
        """;

    [Fact]
    public void Reads_split_author_names_categories_and_the_created_date()
    {
        var paper = Assert.Single(OaiPmhParser.Parse(Record, new Uri("https://oaipmh.arxiv.org/oai?verb=GetRecord")).Papers);

        Assert.Equal("0704.0001", paper.Id.ToString());
        Assert.Equal(["C. Balázs", "E. L. Berger", "P. M. Nadolsky Jr"], paper.Authors);
        Assert.Equal(["hep-ph", "hep-ex"], paper.Categories);
        Assert.Equal("Calculation of prompt diphoton production cross sections at Tevatron and LHC energies", paper.Title);
        Assert.Equal(new DateTimeOffset(2007, 4, 2, 0, 0, 0, TimeSpan.Zero), paper.Submitted);
        Assert.Equal("10.1103/PhysRevD.76.013009", paper.Doi);
        Assert.Equal("A fully differential calculation in perturbative quantum chromodynamics is presented.", paper.Abstract);
    }
}
