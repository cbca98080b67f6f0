namespace Roundup.Publishing.Views;

// What the templates see: paper-derived text already cleaned (CleanText), links already made absolute or relative
// to the page, numbers already formatted. Templates only place and escape.

internal sealed record TagView(string Label, string Url);

internal sealed record CorrectionView(string Text, string Date, string IsoDate, string? About, string? AboutUrl);

internal sealed record EntryView(
    int Number,
    string Anchor,
    string Id,
    string Title,
    string Authors,
    string AbsUrl,
    string PdfUrl,
    string? CodeUrl,
    string WebUrl,
    IReadOnlyList<TagView> Categories,
    string Tldr,
    IReadOnlyList<string> Summary,
    string Commentary,
    bool Automatic,
    IReadOnlyList<CorrectionView> Corrections);

internal sealed record SectionView(string Topic, string TagUrl, IReadOnlyList<EntryView> Entries);

internal sealed record FunnelStageView(string Stage, string Entered, string Kept, string Budget);

internal sealed record IssueView(
    string Week,
    string Title,
    IReadOnlyList<string> Intro,
    string Date,
    string IsoDate,
    string IsoUpdated,
    string WebUrl,
    int PickCount,
    IReadOnlyList<SectionView> Sections,
    IReadOnlyList<CorrectionView> Corrections,
    IReadOnlyList<FunnelStageView> Funnel,
    string FunnelSummary,
    string Grounding)
{
    public IEnumerable<EntryView> Entries => Sections.SelectMany(s => s.Entries);

    /// <summary>Where each entry's "suggest a correction" form posts; null leaves the forms out (feeds, e-mail, previews).</summary>
    public string? SuggestUrl { get; init; }
}

internal sealed record SiteView(string Title, string Description, string Curator, string Language, string BaseUrl);
