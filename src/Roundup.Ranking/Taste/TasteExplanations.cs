using System.Globalization;
using Roundup.Papers;

namespace Roundup.Ranking.Taste;

/// <summary>Plain words for a feature's effect on one paper: "authors picked before: 'Yann LeCun' ×3".</summary>
internal static class TasteExplanations
{
    public const string Embedding = "title_embedding";

    public static string Label(string feature, double effect, Paper paper, AuthorPrior prior, IReadOnlyCollection<string> followedAuthors) => feature switch
    {
        Embedding => effect >= 0 ? "title close to past picks" : "title unlike past picks",
        TasteFeatures.AuthorPriorMax or TasteFeatures.AuthorPriorLogSum => Authors(feature, prior.Lookup(paper.Authors)),
        TasteFeatures.FollowedAuthor => TasteFeatures.FollowedAmong(paper, followedAuthors) is { } a ? $"followed author: '{a}'" : "no followed author",
        TasteFeatures.LogAuthors => F($"{paper.Authors.Count} authors"),
        TasteFeatures.TitleWords => F($"title of {paper.Title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length} words"),
        TasteFeatures.CodeLink => Signal("code link", TextSignals.CodeLink(paper)),
        TasteFeatures.Venue => Signal("venue in comment", TextSignals.Venue(paper) is null ? null : Clip(paper.Comment)),
        TasteFeatures.Benchmark => Signal("mentions a benchmark", TextSignals.Benchmark(paper)),
        TasteFeatures.StateOfTheArt => Signal("claims state of the art", TextSignals.StateOfTheArt(paper)),
        TasteFeatures.Speed => Signal("speed claim", TextSignals.Speed(paper)),
        TasteFeatures.Llm => Signal("about LLMs", TextSignals.Llm(paper)),
        _ => feature,
    };

    private static string Authors(string feature, IReadOnlyList<(string Author, int Count)> counts)
    {
        if (counts.Count == 0)
        {
            return "no author picked before";
        }

        var shown = feature == TasteFeatures.AuthorPriorMax ? counts.Take(1) : counts.Take(3);
        return "authors picked before: " + string.Join(", ", shown.Select(c => F($"'{c.Author}' ×{c.Count}")));
    }

    private static string Signal(string what, string? match) => match is null ? "no " + what : $"{what}: '{match}'";

    private static string? Clip(string? text) => text is null || text.Length <= 60 ? text : text[..57] + "...";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
