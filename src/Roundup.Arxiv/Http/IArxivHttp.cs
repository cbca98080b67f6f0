namespace Roundup.Arxiv.Http;

/// <summary>
/// The one way Roundup talks to arXiv: polite (one connection, at least 3 s between requests to arXiv hosts),
/// patient (backoff with jitter on 429/503, honouring Retry-After) and forgetful of nothing (an on-disk cache,
/// so a rerun does not ask again).
/// </summary>
public interface IArxivHttp
{
    /// <summary>
    /// GETs <paramref name="url"/>, from the cache when it holds a fresh copy. Throws <see cref="ArxivHttpException"/>
    /// naming the URL and the attempts made when the retry budget is spent or the answer is a permanent error.
    /// </summary>
    Task<ArxivResponse> GetAsync(Uri url, CancellationToken cancellationToken = default);

    /// <summary>Drops a cached answer that turned out to be unusable (a truncated page, an HTML error page).</summary>
    void Forget(Uri url);
}
