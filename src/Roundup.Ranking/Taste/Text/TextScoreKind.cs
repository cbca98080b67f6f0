namespace Roundup.Ranking.Taste.Text;

/// <summary>
/// A learned score of the paper's text alone, as one more content signal: none, a logistic regression on the title's
/// MiniLM embedding (read at the title stage), or arxiv-sanity's tf-idf + linear SVM on title and abstract (read from
/// the abstract stage on). Both learn the curation history's papers against the listings' unpicked ones.
/// </summary>
public enum TextScoreKind
{
    None,
    TitleEmbedding,
    TfIdf,
}
