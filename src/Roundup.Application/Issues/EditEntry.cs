using Roundup.Application.Hosting;
using Roundup.Calendar;
using Roundup.Issues;
using Roundup.Papers;

namespace Roundup.Application.Issues;

/// <summary>
/// The curator's own TL;DR, summary or commentary for one paper of an issue, kept beside the generated text (and
/// across rewrites); what is not given keeps the earlier edit, and an edit emptied of everything is removed.
/// </summary>
public sealed class EditEntry(RoundupHost host)
{
    public async Task<Issue> RunAsync(IssueWeek week, ArxivId id, string? tldr, IReadOnlyList<string>? summary, string? commentary, CancellationToken ct)
    {
        var versions = new IssueVersions(host);
        var issue = await versions.LoadAsync(week, ct);
        var entry = issue.Entries.FirstOrDefault(e => e.Id.Canonical == id.Canonical)
            ?? throw new UsageException($"{id.Canonical} is not in the {issue.Week} issue");
        var old = entry.Edits ?? EntryText.Empty;
        var edits = new EntryText(
            tldr ?? old.Tldr,
            summary is { Count: > 0 } paragraphs ? paragraphs.Where(p => p.Length > 0).ToList() : old.Summary,
            commentary ?? old.Commentary);
        var changed = Replace(issue, entry, entry with { Edits = edits == EntryText.Empty || IsEmpty(edits) ? null : edits });
        return await versions.SaveAsync(issue, changed, ct);
    }

    /// <summary>
    /// The entry's words as the curator saw and changed them (the desk's form, filled with what readers get): a part
    /// left as the writer wrote it is no edit of the curator's, and a part emptied gives it back to the writer.
    /// </summary>
    public async Task<Issue> RunShownAsync(IssueWeek week, ArxivId id, EntryText shown, CancellationToken ct)
    {
        var issue = await new IssueVersions(host).LoadAsync(week, ct);
        var generated = (issue.Entries.FirstOrDefault(e => e.Id.Canonical == id.Canonical)
            ?? throw new UsageException($"{id.Canonical} is not in the {issue.Week} issue")).Text;
        var tldr = shown.Tldr.Trim();
        var summary = shown.Summary.Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        var commentary = shown.Commentary.Trim();
        return await RunAsync(
            week,
            id,
            tldr == generated.Tldr.Trim() ? "" : tldr,
            summary.SequenceEqual(generated.Summary.Select(p => p.Trim()), StringComparer.Ordinal) || summary.Count == 0 ? [""] : summary,
            commentary == generated.Commentary.Trim() ? "" : commentary,
            ct);
    }

    private static bool IsEmpty(EntryText text) => text.Tldr.Length == 0 && text.Summary.Count == 0 && text.Commentary.Length == 0;

    private static Issue Replace(Issue issue, IssueEntry old, IssueEntry updated) => issue with
    {
        Sections = issue.Sections.Select(s => s with { Entries = s.Entries.Select(e => ReferenceEquals(e, old) ? updated : e).ToList() }).ToList(),
    };
}
