namespace Roundup.Arxiv.Rss;

public sealed class RssOptions
{
    public const string DefaultRssBase = "https://rss.arxiv.org/rss/";
    public const string DefaultAtomBase = "https://rss.arxiv.org/atom/";

    /// <summary>The feed folder; left at the RSS default with <see cref="Format"/> Atom, the Atom folder is used.</summary>
    public string BaseUrl { get; set; } = DefaultRssBase;

    public RssFormat Format { get; set; } = RssFormat.Rss;

    /// <summary>The folder the feed URL is built on, ending in '/'.</summary>
    public string FeedBase
    {
        get
        {
            var b = Format == RssFormat.Atom && BaseUrl == DefaultRssBase ? DefaultAtomBase : BaseUrl;
            return b.EndsWith('/') ? b : b + "/";
        }
    }
}
