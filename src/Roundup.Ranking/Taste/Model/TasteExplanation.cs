using System.Globalization;
using Roundup.Ranking.Taste.Signals;

namespace Roundup.Ranking.Taste.Model;

/// <summary>A facet's effect on one paper in plain words: "authors featured before: 'Dahua Lin' (3.1)".</summary>
internal static class TasteExplanation
{
    public const string FollowedFacet = "followed author";

    // What a cue facet says when it matched, and when it did not.
    private static readonly Dictionary<string, (string Found, string Absent)> Cues = new(StringComparer.Ordinal)
    {
        ["language models"] = ("mentions language models", "no mention of language models"),
        ["reasoning"] = ("mentions reasoning", "no mention of reasoning"),
        ["multimodal"] = ("multimodal", "not multimodal"),
        ["theory"] = ("theory", "no theorems or bounds"),
        ["code link"] = ("code link", "no code link"),
        ["project page"] = ("project page", "no project page"),
        ["venue"] = ("venue in the comment", "no venue in the comment"),
        ["pages"] = ("page count in the comment", "no page count in the comment"),
        ["named method"] = ("named method", "no named method in the title"),
    };

    public static string Label(string facet, double effect, PaperReading reading, IReadOnlyList<TasteSignal> signals, string? followed)
    {
        var paper = reading.Paper;
        return facet switch
        {
            FollowedFacet => $"followed author: '{followed}'",
            TasteSignals.AuthorsFacet => Authors(reading, effect),
            TasteSignals.CodeOwnerFacet => reading.AnyOwner is { Owner: { } owner, Record: > 0 } o
                ? F($"code published by {owner}, featured before ({o.Record:0.0})")
                : "no code owner featured before",
            TasteSignals.NearestFacet => reading.Nearest.Count == 0
                ? "no past picks to compare the title with"
                : F($"title {(effect >= 0 ? "close to" : "unlike")} past picks (closest {reading.Nearest[0]:0.00}, mean of 5 {reading.MeanNearest(5):0.00})"),
            TasteSignals.TextFacet => F($"title {(effect >= 0 ? "reads like" : "reads unlike")} past picks (learned score {reading.TextScore:+0.00;-0.00})"),
            "author count" => F($"{paper.Authors.Count} authors"),
            "category" => paper.PrimaryCategory is { } c ? $"primary category {c}" : "no primary category",
            _ => Cue(facet, reading, signals),
        };
    }

    // Records are decayed features per person sharing the name: 1.0 is one recent pick.
    private static string Authors(PaperReading reading, double effect)
    {
        var known = reading.Authors.Where(a => a.Record >= 0.05).OrderByDescending(a => a.Record).ThenBy(a => a.Name, StringComparer.Ordinal).ToList();
        if (known.Count == 0)
        {
            return "no author featured before";
        }

        var shown = string.Join(", ", known.Take(3).Select(a => F($"'{a.Name}' ({a.Record:0.0})")));
        var more = known.Count > 3 ? $" and {known.Count - 3} more" : "";
        return effect >= 0 ? $"authors featured before: {shown}{more}" : $"authors featured less than an average paper's: {shown}{more}";
    }

    private static string Cue(string facet, PaperReading reading, IReadOnlyList<TasteSignal> signals)
    {
        var match = signals.Where(s => s.Facet == facet && s.Match is not null).Select(s => s.Match!(reading.Paper)).FirstOrDefault(m => m is not null);
        var (found, absent) = Cues.GetValueOrDefault(facet, (facet, "no " + facet));
        return match is null ? absent : $"{found}: '{(match.Length > 50 ? match[..47] + "..." : match)}'";
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
