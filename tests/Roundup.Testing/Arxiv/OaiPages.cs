using System.Globalization;
using System.Text;

namespace Roundup.Testing.Arxiv;

/// <summary>Small ListRecords pages built in code, for walking resumption tokens.</summary>
public static class OaiPages
{
    public static string ListRecords(string? resumptionToken, params (string Id, string Categories, string V1Date)[] records)
    {
        var sb = new StringBuilder();
        sb.Append("""
            <?xml version="1.0" encoding="UTF-8"?>
            <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
            <responseDate>2025-06-28T04:00:00Z</responseDate>
            <request verb="ListRecords">https://oaipmh.arxiv.org/oai</request>
            <ListRecords>
            """);
        foreach (var (id, categories, v1) in records)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""
                <record><header><identifier>oai:arXiv.org:{id}</identifier><datestamp>2025-06-25</datestamp></header>
                <metadata><arXivRaw xmlns="http://arxiv.org/OAI/arXivRaw/"><id>{id}</id>
                <version version="v1"><date>{v1}</date><size>10kb</size></version>
                <title>Paper {id}</title><authors>A. Author and B. Author</authors><categories>{categories}</categories>
                <abstract>About {id}.</abstract></arXivRaw></metadata></record>
                """);
        }

        sb.Append(resumptionToken is null ? "<resumptionToken/>" : $"<resumptionToken>{resumptionToken}</resumptionToken>");
        sb.Append("</ListRecords></OAI-PMH>");
        return sb.ToString();
    }
}
