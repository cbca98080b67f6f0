using System.Text.RegularExpressions;
using Roundup.Arxiv.OaiPmh;
using Roundup.Arxiv.Sources;

namespace Roundup.Arxiv.Rss;

/// <summary>The current feeds' description: <c>arXiv:2506.01234v1 Announce Type: new \nAbstract: …</c>.</summary>
public static partial class RssDescription
{
    /// <summary>The id and announce type in the prefix (null when absent) and the abstract after "Abstract:".</summary>
    public static (string? Id, string? AnnounceType, string Abstract) Parse(string? text)
    {
        var m = Pattern().Match(text ?? "");
        return m.Success
            ? (m.Groups["id"].Value, m.Groups["type"].Value, MetadataText.Collapse(m.Groups["abstract"].Value)!)
            : (null, null, MetadataText.Collapse(text) ?? "");
    }

    [GeneratedRegex(@"^\s*arXiv:(?<id>\S+)\s+Announce\s+Type:\s*(?<type>[\w-]+)\s*(?:Abstract:)?(?<abstract>.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
