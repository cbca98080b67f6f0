using Roundup.Papers;
using Roundup.Ranking.Taste.Text;

namespace Roundup.Ranking.Taste.Signals;

/// <summary>The signals the taste model learns from, in the order its vectors hold them.</summary>
public static class TasteSignals
{
    public const string AuthorsFacet = "authors";
    public const string CodeOwnerFacet = "code owner";
    public const string NearestFacet = "nearest past picks";
    public const string TextFacet = "text like past picks";

    public static IReadOnlyList<TasteSignal> All { get; } =
    [
        new("authors_record_log_sum", SignalGroup.Reputation, TasteLevel.Title, AuthorsFacet, r => (float)r.Authors.Sum(a => Math.Log(1 + a.Record))),
        new("authors_record_max", SignalGroup.Reputation, TasteLevel.Title, AuthorsFacet, r => r.Authors.Count == 0 ? 0 : (float)Math.Log(1 + r.Authors.Max(a => a.Record))),
        new("first_author_record", SignalGroup.Reputation, TasteLevel.Title, AuthorsFacet, r => r.Authors.Count == 0 ? 0 : (float)Math.Log(1 + r.Authors[0].Record)),
        new("last_author_record", SignalGroup.Reputation, TasteLevel.Title, AuthorsFacet, r => r.Authors.Count < 2 ? 0 : (float)Math.Log(1 + r.Authors[^1].Record)),
        new("authors_featured", SignalGroup.Reputation, TasteLevel.Title, AuthorsFacet, r => r.Authors.Count(a => a.Record > 0)),
        new("authors_featured_share", SignalGroup.Reputation, TasteLevel.Title, AuthorsFacet, r => r.Authors.Count == 0 ? 0 : r.Authors.Count(a => a.Record > 0) / (float)r.Authors.Count),
        new("team_record", SignalGroup.Reputation, TasteLevel.Title, AuthorsFacet, r => (float)Math.Log(1 + r.Team.Record)),
        new("team_authors", SignalGroup.Reputation, TasteLevel.Title, AuthorsFacet, r => r.Team.Authors),
        new("code_owner_record", SignalGroup.Reputation, TasteLevel.Title, CodeOwnerFacet, r => (float)Math.Log(1 + r.CommentOwner.Record)),
        new("code_owner_record_abstract", SignalGroup.Reputation, TasteLevel.Abstract, CodeOwnerFacet, r => (float)Math.Log(1 + r.AnyOwner.Record)),

        new("nearest_pick", SignalGroup.Content, TasteLevel.Title, NearestFacet, r => (float)r.MeanNearest(1)),
        new("nearest_picks_5", SignalGroup.Content, TasteLevel.Title, NearestFacet, r => (float)r.MeanNearest(5)),
        new("nearest_picks_20", SignalGroup.Content, TasteLevel.Title, NearestFacet, r => (float)r.MeanNearest(20)),
        Cue("llm_title", SignalGroup.Content, TasteLevel.Title, "language models", p => TextCues.LanguageModels(p.Title)),
        Cue("reasoning_title", SignalGroup.Content, TasteLevel.Title, "reasoning", p => TextCues.Reasoning(p.Title)),
        Cue("multimodal_title", SignalGroup.Content, TasteLevel.Title, "multimodal", p => TextCues.Multimodal(p.Title)),
        Cue("llm_abstract", SignalGroup.Content, TasteLevel.Abstract, "language models", p => TextCues.LanguageModels(p.Abstract)),
        Cue("reasoning_abstract", SignalGroup.Content, TasteLevel.Abstract, "reasoning", p => TextCues.Reasoning(p.Abstract)),
        Cue("multimodal_abstract", SignalGroup.Content, TasteLevel.Abstract, "multimodal", p => TextCues.Multimodal(p.Abstract)),
        Cue("theory_abstract", SignalGroup.Content, TasteLevel.Abstract, "theory", p => TextCues.Theory(p.Abstract)),

        new("log_authors", SignalGroup.Metadata, TasteLevel.Title, "author count", r => (float)Math.Log(1 + r.Paper.Authors.Count)),
        Cue("code_link_comment", SignalGroup.Metadata, TasteLevel.Title, "code link", p => TextCues.CodeLink(p.Comment)),
        Cue("project_page_comment", SignalGroup.Metadata, TasteLevel.Title, "project page", p => TextCues.ProjectPage(p.Comment)),
        Cue("code_link_abstract", SignalGroup.Metadata, TasteLevel.Abstract, "code link", p => TextCues.CodeLink(p.Abstract)),
        Cue("project_page_abstract", SignalGroup.Metadata, TasteLevel.Abstract, "project page", p => TextCues.ProjectPage(p.Abstract)),
        Cue("venue_comment", SignalGroup.Metadata, TasteLevel.Title, "venue", p => TextCues.Venue(p.Comment)),
        Cue("pages_comment", SignalGroup.Metadata, TasteLevel.Title, "pages", p => TextCues.Pages(p.Comment)),
        Cue("named_method", SignalGroup.Metadata, TasteLevel.Title, "named method", p => TextCues.NamedMethod(p.Title)),
        Primary("cs.CV"),
        Primary("cs.CL"),
        Primary("cs.AI"),
        Primary("cs.LG"),
    ];

    /// <summary>The learned text scores, one per <see cref="TextScoreKind"/>; a model reads the one it was trained with.</summary>
    public static IReadOnlyList<TasteSignal> TextScores { get; } =
    [
        new("title_text_score", SignalGroup.Content, TasteLevel.Title, TextFacet, r => (float)r.TextScore),
        new("text_score", SignalGroup.Content, TasteLevel.Abstract, TextFacet, r => (float)r.TextScore),
    ];

    /// <summary>The signals a model of <paramref name="level"/> reads, without the switched-off groups, with its text score if any.</summary>
    public static IReadOnlyList<TasteSignal> For(TasteLevel level, IReadOnlyCollection<SignalGroup> off, TextScoreKind text = TextScoreKind.None) =>
        [.. All.Concat(Text(text)).Where(s => s.Level <= level && !off.Contains(s.Group))];

    private static IEnumerable<TasteSignal> Text(TextScoreKind kind) => kind switch
    {
        TextScoreKind.TitleEmbedding => [TextScores[0]],
        TextScoreKind.TfIdf => [TextScores[1]],
        _ => [],
    };

    public static TasteSignal Named(string name) =>
        All.Concat(TextScores).FirstOrDefault(s => s.Name == name) ?? throw new InvalidDataException($"unknown taste signal '{name}'");

    private static TasteSignal Cue(string name, SignalGroup group, TasteLevel level, string facet, Func<Paper, string?> match) =>
        new(name, group, level, facet, r => match(r.Paper) is null ? 0f : 1f) { Match = match };

    private static TasteSignal Primary(string category) =>
        new("primary_" + category.Replace('.', '_').ToLowerInvariant(), SignalGroup.Metadata, TasteLevel.Title, "category", r => r.Paper.PrimaryCategory == category ? 1f : 0f);
}
