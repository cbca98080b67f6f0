using System.Globalization;
using Roundup.Ranking.Taste.Signals;

namespace Roundup.Ranking.Taste.Model;

/// <summary>A facet's effect on one paper in plain words: "authors featured before: 'Dahua Lin' (3.1)".</summary>
internal static class TasteExplanation
{
    public const string FollowedFacet = "followed author";

    public static string Label(string facet, double effect, PaperReading reading, IReadOnlyList<TasteSignal> signals, string? followed)
    {
        var paper = reading.Paper;
        return facet switch
        {
            FollowedFacet => $"followed author: '{followed}'",
            TasteSignals.AuthorsFacet => Authors(reading),
            TasteSignals.CodeOwnerFacet => reading.AnyOwner is { Owner: { } owner, Record: > 0 } o
                ? F($"code published by {owner}, featured before ({o.Record:0.0})")
                : "no code owner featured before",
            TasteSignals.NearestFacet => reading.Nearest.Count == 0
                ? "no past picks to compare the title with"
                : F($"title {(effect >= 0 ? "close to" : "unlike")} past picks (closest {reading.Nearest[0]:0.00}, mean of 5 {reading.MeanNearest(5):0.00})"),
            "author count" => F($"{paper.Authors.Count} authors"),
            "category" => paper.PrimaryCategory is { } c ? $"primary category {c}" : "no primary category",
            _ => Cue(facet, reading, signals),
        };
    }

    private static string Authors(PaperReading reading)
    {
        var known = reading.Authors.Where(a => a.Record > 0).OrderByDescending(a => a.Record).ThenBy(a => a.Name, StringComparer.Ordinal).ToList();
        if (known.Count == 0)
        {
            return "no author featured before";
        }

        var shown = string.Join(", ", known.Take(3).Select(a => F($"'{a.Name}' ({a.Record:0.0})")));
        return known.Count > 3 ? $"authors featured before: {shown} and {known.Count - 3} more" : $"authors featured before: {shown}";
    }

    private static string Cue(string facet, PaperReading reading, IReadOnlyList<TasteSignal> signals)
    {
        var match = signals.Where(s => s.Facet == facet && s.Match is not null).Select(s => s.Match!(reading.Paper)).FirstOrDefault(m => m is not null);
        if (match is null)
        {
            return $"no {facet}";
        }

        return $"{facet}: '{(match.Length > 50 ? match[..47] + "..." : match)}'";
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
