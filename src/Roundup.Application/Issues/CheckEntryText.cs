using Roundup.Application.Hosting;
using Roundup.Calendar;
using Roundup.FullText;
using Roundup.Issues;
using Roundup.Papers;
using Roundup.Writing.Grounding;

namespace Roundup.Application.Issues;

/// <summary>
/// The writers' grounding check (<see cref="GroundingCheck"/>) run on words the curator is writing for one paper of
/// an issue: every number and name is looked for in the paper's title, abstract and comment and, when its full text
/// is already in the folder (nothing is fetched), in its text, tables and captions. The curator's words are never
/// removed; the unsupported claims are reported with where they stand, for the desk to mark.
/// </summary>
public sealed class CheckEntryText(RoundupHost host)
{
    /// <param name="summary">The summary as one text, its paragraphs separated by blank lines (as the desk edits it).</param>
    public async Task<EntryCheck> RunAsync(IssueWeek week, ArxivId id, string tldr, string summary, string commentary, CancellationToken ct)
    {
        var issue = await new IssueVersions(host).LoadAsync(week, ct);
        var entry = issue.Entries.FirstOrDefault(e => e.Id.Canonical == id.Canonical)
            ?? throw new UsageException($"{id.Canonical} is not in the {issue.Week} issue");
        return Check(await SourceAsync(entry, ct), tldr, summary, commentary);
    }

    /// <summary>The check of each entry's own words (its edits), for the entries the curator edited; by canonical id.</summary>
    public async Task<IReadOnlyDictionary<string, EntryCheck>> EditsOfAsync(Issue issue, CancellationToken ct)
    {
        var checks = new Dictionary<string, EntryCheck>(StringComparer.Ordinal);
        foreach (var entry in issue.Entries.Where(e => e.Edits is not null))
        {
            var edits = entry.Edits!;
            checks[entry.Id.Canonical] = Check(await SourceAsync(entry, ct), edits.Tldr, Paragraphs.Join(edits.Summary), edits.Commentary);
        }

        return checks;
    }

    public static EntryCheck Check(GroundingSource source, string tldr, string summary, string commentary)
    {
        var fields = new Dictionary<EntryPart, string> { [EntryPart.Tldr] = tldr, [EntryPart.Summary] = summary, [EntryPart.Commentary] = commentary };
        var result = GroundingCheck.Check(new EntryText(tldr, Paragraphs.Split(summary), commentary), source);
        var cursors = new Dictionary<EntryPart, int>();
        var unsupported = new List<UnsupportedClaim>();
        foreach (var claim in result.Unsupported)
        {
            var field = fields[claim.Part];
            var from = cursors.GetValueOrDefault(claim.Part);
            var sentence = field.IndexOf(claim.Sentence, StringComparison.Ordinal);
            var start = sentence >= 0 ? field.IndexOf(claim.Text, Math.Max(sentence, Math.Min(from, sentence + claim.Sentence.Length)), StringComparison.Ordinal) : -1;
            if (start < 0)
            {
                start = field.IndexOf(claim.Text, from, StringComparison.Ordinal);
            }

            if (start < 0)
            {
                start = field.IndexOf(claim.Text, StringComparison.Ordinal);
            }

            if (start >= 0)
            {
                cursors[claim.Part] = start + claim.Text.Length;
            }

            unsupported.Add(new UnsupportedClaim(FieldName(claim.Part), claim.Kind == ClaimKind.Number ? "number" : "name", claim.Text, start, start < 0 ? 0 : claim.Text.Length, claim.Sentence));
        }

        return new EntryCheck(result.Checked, result.Found, unsupported);
    }

    /// <summary>The paper as stored, with its full text when the folder has it; an entry of a paper not stored checks against its own title.</summary>
    private async Task<GroundingSource> SourceAsync(IssueEntry entry, CancellationToken ct)
    {
        var store = await host.StoreAsync(ct);
        var paper = await store.Papers.GetPaperAsync(entry.Id.WithoutVersion(), ct) ?? await store.Papers.GetPaperAsync(entry.Id, ct);
        if (paper is null)
        {
            return new GroundingSource([entry.Title], []);
        }

        PaperEvidence? evidence = null;
        try
        {
            evidence = await host.OfflineFullText().LoadAsync(paper, ct);
        }
        catch (FullTextException)
        {
            // Unreadable: the check stands on the paper's metadata, as the writer's did.
        }

        return GroundingSource.For(paper, evidence);
    }

    /// <summary>The desk's form field for an entry part: tldr, summary, commentary.</summary>
    public static string FieldName(EntryPart part) => part switch
    {
        EntryPart.Tldr => "tldr",
        EntryPart.Summary => "summary",
        _ => "commentary",
    };
}

/// <summary>A grounding check of the curator's words: claims checked and found, and the ones the paper does not support.</summary>
public sealed record EntryCheck(int Checked, int Found, IReadOnlyList<UnsupportedClaim> Unsupported);

/// <summary>
/// A number or name not found in the paper: the field it is in (tldr, summary, commentary), its kind, its text, where it
/// starts in that field (−1 when it could not be placed) and its length, and its sentence.
/// </summary>
public sealed record UnsupportedClaim(string Field, string Kind, string Text, int Start, int Length, string Sentence);

/// <summary>A summary's paragraphs as one text to edit, separated by blank lines, and back.</summary>
public static class Paragraphs
{
    public static string Join(IReadOnlyList<string> paragraphs) => string.Join("\n\n", paragraphs);

    public static IReadOnlyList<string> Split(string text) =>
        [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n").Select(p => p.Trim()).Where(p => p.Length > 0)];
}
