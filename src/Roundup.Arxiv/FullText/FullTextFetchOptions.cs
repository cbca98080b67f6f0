namespace Roundup.Arxiv.FullText;

/// <summary>Where and how full texts are fetched (configuration <c>Selection:FullText</c>).</summary>
public sealed class FullTextFetchOptions
{
    /// <summary>arXiv's site; a test points it at a local server.</summary>
    public string BaseUrl { get; init; } = "https://arxiv.org";

    /// <summary>The formats to try, in order: <c>html</c> (LaTeXML), <c>source</c> (the e-print), <c>pdf</c>.</summary>
    public List<string> Order { get; init; } = [];

    /// <summary>Use only files already in the folder; ask arXiv for nothing.</summary>
    public bool Offline { get; init; }

    public static readonly string[] DefaultOrder = ["html", "source", "pdf"];

    public IReadOnlyList<string> EffectiveOrder => Order.Count > 0 ? Order : DefaultOrder;
}
