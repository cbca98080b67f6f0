using System.Globalization;
using Roundup.Papers;

namespace Roundup.Ranking.Taste;

/// <summary>Plain words for a feature's effect on one paper: "authors picked before: 'Yann LeCun' ×3".</summary>
internal static class TasteExplanations
{
    public const string Embedding = "title_embedding";
    public const string AuthorPrior = "author_prior";

    /// <summary>The effect a feature is reported under: the embedding's dimensions as one, the author prior as one.</summary>
    public static string Group(string feature) => feature switch
    {
        _ when feature.StartsWith(TasteFeatures.EmbeddingPrefix, StringComparison.Ordinal) => Embedding,
        TasteFeatures.AuthorPriorMax or TasteFeatures.AuthorPriorLogSum => AuthorPrior,
        _ => feature,
    };

    public static string Label(string feature, double effect, Paper paper, AuthorPrior prior, IReadOnlyCollection<string> followedAuthors) => feature switch
    {
        Embedding => effect >= 0 ? "title close to past picks" : "title unlike past picks",
        AuthorPrior => Authors(prior.Lookup(paper.Authors)),
        TasteFeatures.FollowedAuthor => TasteFeatures.FollowedAmong(paper, followedAuthors) is { } a ? $"followed author: '{a}'" : "no followed author",
        TasteFeatures.LogAuthors => F($"{paper.Authors.Count} authors"),
        TasteFeatures.TitleWords => F($"{paper.Title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length} words in the title"),
        TasteFeatures.CodeLink => Signal("code link", TextSignals.CodeLink(paper)),
        TasteFeatures.Venue => Signal("venue in comment", TextSignals.Venue(paper) is null ? null : Clip(paper.Comment)),
        TasteFeatures.Benchmark => Signal("mentions a benchmark", TextSignals.Benchmark(paper), "no benchmark mentioned"),
        TasteFeatures.StateOfTheArt => Signal("claims state of the art", TextSignals.StateOfTheArt(paper), "no state-of-the-art claim"),
        TasteFeatures.Speed => Signal("speed claim", TextSignals.Speed(paper)),
        TasteFeatures.Llm => Signal("about LLMs", TextSignals.Llm(paper), "not about LLMs"),
        _ => feature,
    };

    private static string Authors(IReadOnlyList<(string Author, int Count)> counts)
    {
        if (counts.Count == 0)
        {
            return "no author picked before";
        }

        return "authors picked before: " + string.Join(", ", counts.Take(3).Select(c => F($"'{c.Author}' ×{c.Count}")));
    }

    private static string Signal(string what, string? match, string? absent = null) => match is null ? absent ?? "no " + what : $"{what}: '{match}'";

    private static string? Clip(string? text) => text is null || text.Length <= 60 ? text : text[..57] + "...";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
