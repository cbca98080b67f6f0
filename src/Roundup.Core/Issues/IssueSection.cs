namespace Roundup.Issues;

/// <summary>A topic group of the week's picks, in the order the issue shows them.</summary>
public sealed record IssueSection(string Topic, IReadOnlyList<IssueEntry> Entries);
