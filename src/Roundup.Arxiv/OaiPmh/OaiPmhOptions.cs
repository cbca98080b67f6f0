namespace Roundup.Arxiv.OaiPmh;

public sealed class OaiPmhOptions
{
    public string BaseUrl { get; set; } = "https://oaipmh.arxiv.org/oai";

    /// <summary><c>arXivRaw</c> (with the version history) or <c>arXiv</c> (authors split into names).</summary>
    public string MetadataPrefix { get; set; } = "arXivRaw";

    /// <summary>The sets to walk in turn; null derives them from the request's categories (cs.LG → <c>cs</c>).</summary>
    public IReadOnlyList<string>? Sets { get; set; }
}
