namespace Roundup.Ranking.Taste.Signals;

/// <summary>
/// What the taste reads of a paper: the listing line (title, authors, comment, categories), or that and the abstract.
/// The title stage judges on the first; every later stage on the second.
/// </summary>
public enum TasteLevel
{
    Title,
    Abstract,
}
