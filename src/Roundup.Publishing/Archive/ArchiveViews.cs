namespace Roundup.Publishing.Archive;

internal sealed record IssueSummaryView(string Week, string Title, string Url, string Date, string IsoDate, int PickCount, string Lead, int CorrectionCount, string FunnelSummary);

internal sealed record TagCountView(string Label, string Url, int Count);

internal sealed record TaggedEntryView(string Week, string IssueTitle, string IssueUrl, string Title, string Url, string Tldr, string Authors);

internal sealed record TagPageView(string Label, IReadOnlyList<TaggedEntryView> Entries);
