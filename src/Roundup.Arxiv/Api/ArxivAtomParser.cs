using System.Globalization;
using System.Xml.Linq;
using Roundup.Arxiv.Xml;
using Roundup.Harvesting;
using Roundup.Papers;
using Roundup.Arxiv.Sources;

namespace Roundup.Arxiv.Api;

/// <summary>
/// Parses an API answer (Atom 1.0 with OpenSearch counts). Error entries and bad entries become
/// <see cref="HarvestProblem"/>s beside the good papers; a bad document throws <see cref="ArxivFormatException"/>.
/// </summary>
public static class ArxivAtomParser
{
    public static readonly XNamespace OpenSearch = "http://a9.com/-/spec/opensearch/1.1/";

    public static ArxivAtomPage Parse(string xml, string location)
    {
        var root = SafeXml.Load(xml, location).Root!;
        if (root.Name != ArxivAtomEntryReader.Atom + "feed")
        {
            throw new ArxivFormatException(location, $"expected an Atom feed but the root element is <{root.Name.LocalName}>");
        }

        var papers = new List<Paper>();
        var problems = new List<HarvestProblem>();
        var n = 0;
        foreach (var entry in root.Elements(ArxivAtomEntryReader.Atom + "entry"))
        {
            n++;
            var idText = entry.Element(ArxivAtomEntryReader.Atom + "id")?.Value.Trim() ?? "no id";
            var where = $"{location}, entry {n} ({(idText.Length <= 80 ? idText : idText[..77] + "...")})";
            if (ArxivAtomEntryReader.IsError(entry))
            {
                var said = Sources.MetadataText.Collapse(entry.Element(ArxivAtomEntryReader.Atom + "summary")?.Value);
                problems.Add(new HarvestProblem(where, $"the API answered with an error: {said}"));
                continue;
            }

            var why = ArxivAtomEntryReader.TryRead(entry, out var paper, out var readError) ? PaperLimits.Check(paper) : readError;
            if (why is null)
            {
                papers.Add(paper!);
            }
            else
            {
                problems.Add(new HarvestProblem(where, why));
            }
        }

        return new ArxivAtomPage(papers, problems, Count(root, "totalResults"), Count(root, "startIndex"), Count(root, "itemsPerPage"));
    }

    private static int? Count(XElement root, string name) =>
        int.TryParse(root.Element(OpenSearch + name)?.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
}
