namespace Roundup.Arxiv.Http;

/// <summary>One GET across its attempts: what was asked, the stale copy offered for revalidation, and how it went.</summary>
internal sealed class Exchange(Uri url, CachedResponse? stale)
{
    public Uri Url { get; } = url;

    public CachedResponse? Stale { get; } = stale;

    public int Attempts { get; set; }

    public int? LastStatus { get; set; }
}
