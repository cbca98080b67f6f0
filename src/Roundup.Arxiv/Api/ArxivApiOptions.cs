namespace Roundup.Arxiv.Api;

public sealed class ArxivApiOptions
{
    /// <summary>arXiv answers slices of at most 2,000 entries.</summary>
    public const int MaxPageSize = 2_000;

    /// <summary>arXiv answers at most 30,000 results per query (more answers HTTP 400).</summary>
    public const int MaxQueryResults = 30_000;

    /// <summary>At most 200 ids per id_list look-up, to keep the URL short.</summary>
    public const int LookupSlice = 200;

    public string BaseUrl { get; set; } = "https://export.arxiv.org/api/query";

    public int PageSize { get; set; } = MaxPageSize;

    public int MaxResults { get; set; } = MaxQueryResults;

    internal int EffectivePageSize => Math.Clamp(PageSize, 1, MaxPageSize);

    internal int EffectiveMaxResults => Math.Clamp(MaxResults, 1, MaxQueryResults);
}
