using Roundup.Papers;
using Roundup.Ranking.Taste.History;
using Roundup.Ranking.Taste.Signals;
using Roundup.Ranking.Taste.Text;
using Roundup.Selection;

namespace Roundup.Ranking.Taste.Model;

/// <summary>
/// A curator's taste: the history it reads (authors' and code owners' records, past picks' titles), one logistic
/// regression per level read (listing line; with the abstract) with and without the reputation signals, the
/// settings they were trained with, and for a basis a sample of its training rows. Identified by <see cref="Hash"/>,
/// a hash of its files.
/// </summary>
public sealed class TasteModel(TasteModelInfo info, TasteSettings settings, TasteHistory history, IReadOnlyDictionary<string, Combiner> combiners, TextScore? text, ReferenceRows? reference, string hash)
{
    /// <summary>A followed author's paper gains this much log-odds, whatever was learned.</summary>
    public const double FollowedAuthorLogOdds = 2.0;

    public TasteModelInfo Info { get; } = info;

    public TasteSettings Settings { get; } = settings;

    public TasteHistory History { get; } = history;

    public IReadOnlyDictionary<string, Combiner> Combiners { get; } = combiners;

    /// <summary>The learned text score, when <see cref="TasteSettings.TextScore"/> asked for one.</summary>
    public TextScore? Text { get; } = text;

    /// <summary>A sample of what it was trained on, for a taste built on top of it; null for a curator's model.</summary>
    public ReferenceRows? Reference { get; } = reference;

    public string Hash { get; } = hash;

    public static string CombinerKey(TasteLevel level, bool reputation) =>
        (level == TasteLevel.Title ? "title" : "abstract") + (reputation ? "" : "-no-reputation");

    public Combiner CombinerFor(TasteLevel level, bool reputation) =>
        Combiners.TryGetValue(CombinerKey(level, reputation), out var c) ? c : throw new InvalidDataException($"the taste model {Hash[..12]} has no '{CombinerKey(level, reputation)}' model");

    /// <summary>The day a paper is judged as of: the Monday of its listing week (its week's own picks are not yet known), or the day after the history ends.</summary>
    public DateOnly AsOf(Paper paper) => paper.Announced is { } day
        ? day.AddDays(-(((int)day.DayOfWeek + 6) % 7))
        : (History.End ?? DateOnly.MinValue).AddDays(1);

    public TasteJudgement Judge(Paper paper, ReadOnlySpan<float> titleVector, TasteLevel level, bool reputation, IReadOnlyCollection<string> followedAuthors)
    {
        var combiner = CombinerFor(level, reputation);
        var reading = PaperReading.Read(paper, titleVector, AsOf(paper), History, Settings, Text?.Score(paper, titleVector) ?? 0);
        var signals = combiner.Signals.Select(TasteSignals.Named).ToList();
        var values = signals.Select(s => s.Read(reading)).ToArray();

        var effects = new Dictionary<string, (double Effect, SignalGroup Group)>(StringComparer.Ordinal);
        for (var i = 0; i < signals.Count; i++)
        {
            var e = combiner.Effect(i, values[i]);
            effects[signals[i].Facet] = (effects.GetValueOrDefault(signals[i].Facet).Effect + e, signals[i].Group);
        }

        var followed = FollowedAmong(paper, followedAuthors);
        if (followed is not null)
        {
            effects[TasteExplanation.FollowedFacet] = (FollowedAuthorLogOdds, SignalGroup.Reputation);
        }

        var baseMargin = (double)combiner.Bias;
        var margin = baseMargin + effects.Values.Sum(e => e.Effect);
        var probability = Combiner.Probability(margin);
        var baseline = Combiner.Probability(baseMargin);

        // Integrated gradients of the logistic: each facet's log-odds effect times the mean slope between the
        // average paper and this one, so the facets add up exactly to probability − baseline.
        var slope = Math.Abs(margin - baseMargin) < 1e-9 ? baseline * (1 - baseline) : (probability - baseline) / (margin - baseMargin);
        var facets = effects
            .Select(e => new Contribution(e.Value.Effect * slope, TasteExplanation.Label(e.Key, e.Value.Effect, reading, signals, followed)))
            .ToList();
        var lifts = effects.Values.Where(e => e.Effect > 0).ToList();
        var reputationShare = lifts.Count == 0 ? 0 : lifts.Where(e => e.Group == SignalGroup.Reputation).Sum(e => e.Effect) / lifts.Sum(e => e.Effect);
        return new TasteJudgement(probability, baseline, facets, reputationShare);
    }

    private static string? FollowedAmong(Paper paper, IReadOnlyCollection<string> followedAuthors)
    {
        if (followedAuthors.Count == 0)
        {
            return null;
        }

        var keys = followedAuthors.Select(Authors.AuthorName.Key).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        return paper.Authors.FirstOrDefault(a => keys.Contains(Authors.AuthorName.Key(a)));
    }
}
