namespace Roundup.Arxiv.Files;

/// <summary>The two kinds of JSON-lines file we read.</summary>
public enum FileKind
{
    /// <summary>Daily listing files: one paper a line with the listing date arXiv printed.</summary>
    Listing,

    /// <summary>arXiv's metadata snapshot: one paper a line with its versions, no listing date.</summary>
    Snapshot,
}
