using Roundup.Application.Hosting;
using Roundup.Calendar;
using Roundup.Corrections;
using Roundup.Issues;
using Roundup.Papers;

namespace Roundup.Application.Corrections;

/// <summary>
/// A reader's suggested correction from the archive's form: about an entry of a published issue (or the issue as a
/// whole), its text as typed and bounded, a name or address only if the reader chose to leave one. Kept as pending
/// for a curator (<see cref="ModerateCorrections"/>); nothing is published by it.
/// </summary>
public sealed class SuggestCorrection(RoundupHost host)
{
    /// <summary>Pending suggestions beyond which new ones are refused until a curator has read some.</summary>
    public const int MaxPending = 500;

    /// <summary>
    /// Stores the suggestion; throws <see cref="UsageException"/> with a sentence for the reader when the week, the
    /// paper or the text is not acceptable, and <see cref="SuggestionQueueFullException"/> when the queue is full.
    /// </summary>
    public async Task<CorrectionSuggestion> SubmitAsync(string week, string? paper, string text, string? contact, CancellationToken ct)
    {
        if (!IssueWeek.TryParse(week?.Trim(), out var issueWeek))
        {
            throw new UsageException($"the week '{week}' is not an ISO week such as 2025-W26");
        }

        var store = await host.StoreAsync(ct);
        var issue = await store.Issues.GetAsync(issueWeek, ct);
        if (issue is null || issue.Status != IssueStatus.Published)
        {
            throw new UsageException($"there is no published issue for {issueWeek}");
        }

        ArxivId? id = null;
        if (!string.IsNullOrWhiteSpace(paper))
        {
            if (!ArxivId.TryParse(paper.Trim(), out var parsed, out _) || !issue.Entries.Any(e => e.Id.Canonical == parsed.Canonical))
            {
                throw new UsageException($"the {issueWeek} issue has no paper '{paper.Trim()}'");
            }

            id = parsed.WithoutVersion();
        }

        var words = Text(text);
        var from = Contact(contact);
        if (await store.Corrections.CountAsync(SuggestionStatus.Pending, ct) >= MaxPending)
        {
            throw new SuggestionQueueFullException();
        }

        return await store.Corrections.AddAsync(issueWeek, id, words, from, host.Time.GetUtcNow(), ct);
    }

    /// <summary>The text trimmed, with line breaks made \n; refused when empty, too long or carrying control characters.</summary>
    public static string Text(string? text)
    {
        var words = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        if (words.Length == 0)
        {
            throw new UsageException("the correction is empty: say what is wrong and, if you know, what is right");
        }

        if (words.Length > SuggestionLimits.MaxTextLength)
        {
            throw new UsageException($"the correction is {words.Length} characters long; at most {SuggestionLimits.MaxTextLength} are accepted");
        }

        if (words.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
        {
            throw new UsageException("the correction contains control characters; only text, tabs and line breaks are accepted");
        }

        return words;
    }

    private static string? Contact(string? contact)
    {
        var from = (contact ?? "").Trim();
        if (from.Length == 0)
        {
            return null;
        }

        if (from.Length > SuggestionLimits.MaxContactLength)
        {
            throw new UsageException($"the name or address is {from.Length} characters long; at most {SuggestionLimits.MaxContactLength} are accepted");
        }

        return from.Any(char.IsControl)
            ? throw new UsageException("the name or address contains a line break or control character")
            : from;
    }
}

/// <summary>The moderation queue holds <see cref="SuggestCorrection.MaxPending"/> suggestions: no more are taken until a curator reads some.</summary>
public sealed class SuggestionQueueFullException() : Exception("too many corrections are waiting for a curator; please try again in a few days");
