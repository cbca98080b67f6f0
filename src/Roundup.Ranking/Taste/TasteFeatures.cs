using Roundup.Papers;

namespace Roundup.Ranking.Taste;

/// <summary>
/// The taste model's features, each named so its effect can be explained: the title embedding (one block), the
/// author prior, and cheap text signals.
/// </summary>
public static class TasteFeatures
{
    public const string EmbeddingPrefix = "title_embedding_";
    public const string AuthorPriorMax = "author_prior_max";
    public const string AuthorPriorLogSum = "author_prior_log_sum";
    public const string FollowedAuthor = "followed_author";
    public const string LogAuthors = "log_authors";
    public const string TitleWords = "title_words";
    public const string CodeLink = "code_link";
    public const string Venue = "venue_accepted";
    public const string Benchmark = "mentions_benchmark";
    public const string StateOfTheArt = "mentions_sota";
    public const string Speed = "mentions_speed";
    public const string Llm = "mentions_llm";

    public static IReadOnlyList<string> ScalarNames { get; } =
        [AuthorPriorMax, AuthorPriorLogSum, FollowedAuthor, LogAuthors, TitleWords, CodeLink, Venue, Benchmark, StateOfTheArt, Speed, Llm];

    public static IReadOnlyList<string> Names(int embeddingDimensions) =>
        [.. Enumerable.Range(0, embeddingDimensions).Select(i => $"{EmbeddingPrefix}{i:000}"), .. ScalarNames];

    /// <summary>
    /// The feature vector: the embedding first, then <see cref="ScalarNames"/> in order. <paramref name="authorDiscount"/>
    /// is 1 when the paper is itself one of the picks behind <paramref name="prior"/> (training).
    /// </summary>
    public static float[] Build(Paper paper, ReadOnlySpan<float> titleEmbedding, AuthorPrior prior, IReadOnlyCollection<string> followedAuthors, int authorDiscount = 0)
    {
        var counts = prior.Lookup(paper.Authors, authorDiscount);
        var followed = FollowedAmong(paper, followedAuthors) is null ? 0f : 1f;
        float[] scalars =
        [
            counts.Count == 0 ? 0 : counts[0].Count,
            (float)Math.Log(1 + counts.Sum(c => c.Count)),
            followed,
            (float)Math.Log(1 + paper.Authors.Count),
            paper.Title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length,
            Flag(TextSignals.CodeLink(paper)),
            Flag(TextSignals.Venue(paper)),
            Flag(TextSignals.Benchmark(paper)),
            Flag(TextSignals.StateOfTheArt(paper)),
            Flag(TextSignals.Speed(paper)),
            Flag(TextSignals.Llm(paper)),
        ];
        return [.. titleEmbedding, .. scalars];
    }

    /// <summary>The first of the paper's authors the curator follows, or null.</summary>
    public static string? FollowedAmong(Paper paper, IReadOnlyCollection<string> followedAuthors)
    {
        if (followedAuthors.Count == 0)
        {
            return null;
        }

        var keys = followedAuthors.Select(AuthorNames.Key).ToHashSet(StringComparer.Ordinal);
        return paper.Authors.FirstOrDefault(a => keys.Contains(AuthorNames.Key(a)));
    }

    private static float Flag(string? match) => match is null ? 0f : 1f;
}
