namespace Roundup.Papers;

/// <summary>How a paper appeared in a day's listing, as arXiv's RSS feeds and listing pages name it.</summary>
public enum AnnounceType
{
    /// <summary>Not known (a source that does not say, such as OAI-PMH or the API).</summary>
    Unknown = 0,

    /// <summary>A new submission in this category.</summary>
    New,

    /// <summary>A new submission whose primary category is another one, cross-listed here.</summary>
    Cross,

    /// <summary>A new version of an earlier paper.</summary>
    Replace,

    /// <summary>A new version of an earlier paper cross-listed here.</summary>
    ReplaceCross,
}
