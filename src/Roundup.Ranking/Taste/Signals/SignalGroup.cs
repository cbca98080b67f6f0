namespace Roundup.Ranking.Taste.Signals;

/// <summary>The families of signals, each switched off or measured as a whole.</summary>
public enum SignalGroup
{
    /// <summary>The authors' track record among earlier picks, and that of the group publishing the code.</summary>
    Reputation,

    /// <summary>What the paper is about: closeness to past picks' titles, and topic cues in its text.</summary>
    Content,

    /// <summary>The listing's facts: author count, categories, the comment's code link, project page, venue, pages.</summary>
    Metadata,
}
