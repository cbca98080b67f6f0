namespace Roundup.Arxiv.Rss;

public enum RssFormat
{
    /// <summary>RSS 2.0, <c>https://rss.arxiv.org/rss/{cats}</c>.</summary>
    Rss,

    /// <summary>Atom 1.0, <c>https://rss.arxiv.org/atom/{cats}</c>.</summary>
    Atom,
}
