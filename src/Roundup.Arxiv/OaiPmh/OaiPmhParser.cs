using System.Diagnostics.CodeAnalysis;
using System.Xml;
using System.Xml.Linq;
using Roundup.Arxiv.Xml;
using Roundup.Harvesting;
using Roundup.Papers;
using Roundup.Arxiv.Sources;

namespace Roundup.Arxiv.OaiPmh;

/// <summary>
/// Parses ListRecords and GetRecord answers in the <c>arXivRaw</c> or <c>arXiv</c> format. A bad record becomes a
/// <see cref="HarvestProblem"/> and the others are kept; a bad document throws <see cref="ArxivFormatException"/>;
/// an OAI error throws <see cref="OaiPmhException"/>, except <c>noRecordsMatch</c>, which is an empty last page.
/// </summary>
public static class OaiPmhParser
{
    public static readonly XNamespace Oai = "http://www.openarchives.org/OAI/2.0/";

    public static OaiPmhResponse Parse(string xml, Uri url)
    {
        var location = url.ToString();
        var root = SafeXml.Load(xml, location).Root!;
        if (root.Name != Oai + "OAI-PMH")
        {
            throw new ArxivFormatException(location, $"expected an OAI-PMH answer but the root element is <{root.Name.LocalName}>", LineOf(root), ColumnOf(root));
        }

        if (root.Element(Oai + "error") is { } error)
        {
            var code = (string?)error.Attribute("code") ?? "unknown";
            return code == "noRecordsMatch" ? OaiPmhResponse.Empty : throw new OaiPmhException(code, MetadataText.Collapse(error.Value)!, url);
        }

        var container = root.Element(Oai + "ListRecords") ?? root.Element(Oai + "GetRecord")
            ?? throw new ArxivFormatException(location, "the answer holds neither ListRecords, GetRecord nor an error", LineOf(root), ColumnOf(root));

        var papers = new List<Paper>();
        var problems = new List<HarvestProblem>();
        var deleted = 0;
        var n = 0;
        foreach (var record in container.Elements(Oai + "record"))
        {
            n++;
            var header = record.Element(Oai + "header");
            if ((string?)header?.Attribute("status") == "deleted")
            {
                deleted++;
                continue;
            }

            var why = TryReadRecord(record, out var paper, out var readError) ? PaperLimits.Check(paper) : readError;
            if (why is null)
            {
                papers.Add(paper!);
            }
            else
            {
                var identifier = header?.Element(Oai + "identifier")?.Value.Trim() ?? "no identifier";
                problems.Add(new HarvestProblem($"{location}, record {n} ({Shorten(identifier)})", why));
            }
        }

        var token = container.Element(Oai + "resumptionToken")?.Value.Trim();
        return new OaiPmhResponse(papers, problems, string.IsNullOrEmpty(token) ? null : token, deleted);
    }

    private static bool TryReadRecord(XElement record, [NotNullWhen(true)] out Paper? paper, out string error)
    {
        paper = null;
        var metadata = record.Element(Oai + "metadata")?.Elements().FirstOrDefault();
        switch (metadata?.Name.LocalName)
        {
            case "arXivRaw":
                return ArxivRawReader.TryRead(metadata, out paper, out error);
            case "arXiv":
                return ArxivMetadataReader.TryRead(metadata, out paper, out error);
            case null:
                error = "the record has no metadata";
                return false;
            default:
                error = $"unsupported metadata format <{metadata.Name.LocalName}> (expected arXivRaw or arXiv)";
                return false;
        }
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..77] + "...";

    private static int? LineOf(XElement e) => ((IXmlLineInfo)e).HasLineInfo() ? ((IXmlLineInfo)e).LineNumber : null;

    private static int? ColumnOf(XElement e) => ((IXmlLineInfo)e).HasLineInfo() ? ((IXmlLineInfo)e).LinePosition : null;
}
