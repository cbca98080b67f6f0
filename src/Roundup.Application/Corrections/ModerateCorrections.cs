using Microsoft.Extensions.Logging;
using Roundup.Application.Hosting;
using Roundup.Calendar;
using Roundup.Corrections;
using Roundup.Issues;

namespace Roundup.Application.Corrections;

/// <summary>
/// The curator's side of readers' suggestions: the queue (pending first, with the entry each is about), rejecting
/// one, or publishing one as an erratum through <see cref="CorrectIssue"/> (the use case of <c>roundup correct</c>)
/// in the curator's words, optionally with its e-mail, which the caller sends (<see cref="CorrectIssue.SendAsync"/>).
/// A suggestion is decided once: two curators cannot both publish it.
/// </summary>
public sealed class ModerateCorrections(RoundupHost host)
{
    /// <summary>The pending suggestions (oldest first, at most <paramref name="limit"/>) and the most recently decided ones.</summary>
    public async Task<CorrectionQueue> QueueAsync(int limit, CancellationToken ct)
    {
        var store = (await host.StoreAsync(ct)).Corrections;
        var pending = await store.ListAsync(SuggestionStatus.Pending, limit, ct);
        var decided = (await store.ListAsync(SuggestionStatus.Published, limit, ct))
            .Concat(await store.ListAsync(SuggestionStatus.Rejected, limit, ct))
            .OrderByDescending(s => s.Decided).ThenByDescending(s => s.Id).Take(limit).ToList();
        var issues = new Dictionary<IssueWeek, Issue?>();
        return new CorrectionQueue(
            [.. await ViewsAsync(pending, issues, ct)],
            await store.CountAsync(SuggestionStatus.Pending, ct),
            [.. await ViewsAsync(decided, issues, ct)]);
    }

    /// <summary>One suggestion with the entry it is about; null when there is none of that id.</summary>
    public async Task<SuggestionView?> GetAsync(long id, CancellationToken ct)
    {
        var suggestion = await (await host.StoreAsync(ct)).Corrections.GetAsync(id, ct);
        return suggestion is null ? null : (await ViewsAsync([suggestion], [], ct))[0];
    }

    /// <summary>Sets a pending suggestion aside; throws <see cref="UsageException"/> when it is unknown or already decided.</summary>
    public async Task<CorrectionSuggestion> RejectAsync(long id, string curator, CancellationToken ct)
    {
        var decided = await (await host.StoreAsync(ct)).Corrections.DecideAsync(id, SuggestionStatus.Rejected, curator, host.Time.GetUtcNow(), ct)
            ?? throw await NotPendingAsync(id, ct);
        host.Logs.CreateLogger<ModerateCorrections>().LogInformation("suggestion {Id} for {Week} rejected by {Curator}", id, decided.Week, curator);
        return decided;
    }

    /// <summary>
    /// Publishes a pending suggestion as an erratum of its issue with <paramref name="text"/> (the curator's words) and,
    /// with <paramref name="email"/>, prepares its mailing. The suggestion is claimed first, so a second curator is
    /// refused; if the erratum cannot be recorded (an e-mail asked for an issue nobody was sent), it goes back to the
    /// queue and nothing is changed.
    /// </summary>
    public async Task<PublishedSuggestion> PublishAsync(long id, string text, bool email, string curator, CancellationToken ct)
    {
        var words = SuggestCorrection.Text(text);
        var store = (await host.StoreAsync(ct)).Corrections;
        var claimed = await store.DecideAsync(id, SuggestionStatus.Published, curator, host.Time.GetUtcNow(), ct) ?? throw await NotPendingAsync(id, ct);
        RecordedCorrection recorded;
        try
        {
            recorded = await new CorrectIssue(host).RecordAsync(claimed.Week, claimed.Paper?.Canonical, words, email, ct);
        }
        catch (UsageException)
        {
            // Refused before anything was saved: the suggestion goes back to the queue. Any other failure may come
            // after the issue's new version was saved, so the suggestion stays claimed rather than risk a second erratum.
            await store.ReopenAsync(id, CancellationToken.None);
            throw;
        }

        var number = recorded.Issue.Corrections.Count;
        await store.SetErratumAsync(id, number, ct);
        host.Logs.CreateLogger<ModerateCorrections>().LogInformation("suggestion {Id} published by {Curator} as correction {Number} of {Week}{Email}", id, curator, number, claimed.Week, email ? ", to be e-mailed" : "");
        return new PublishedSuggestion(claimed with { Erratum = number }, recorded);
    }

    private async Task<UsageException> NotPendingAsync(long id, CancellationToken ct)
    {
        var current = await (await host.StoreAsync(ct)).Corrections.GetAsync(id, ct);
        return new UsageException(current is null
            ? $"there is no suggestion {id}"
            : $"suggestion {id} was already {(current.Status == SuggestionStatus.Published ? "published" : "rejected")} by {current.DecidedBy}");
    }

    private async Task<List<SuggestionView>> ViewsAsync(IEnumerable<CorrectionSuggestion> suggestions, Dictionary<IssueWeek, Issue?> issues, CancellationToken ct)
    {
        var store = await host.StoreAsync(ct);
        var views = new List<SuggestionView>();
        foreach (var suggestion in suggestions)
        {
            if (!issues.TryGetValue(suggestion.Week, out var issue))
            {
                issue = await store.Issues.GetAsync(suggestion.Week, ct);
                issues[suggestion.Week] = issue;
            }

            var entry = suggestion.Paper is { } paper ? issue?.Entries.FirstOrDefault(e => e.Id.Canonical == paper.Canonical) : null;
            views.Add(new SuggestionView(suggestion, issue?.Title, entry));
        }

        return views;
    }
}

/// <summary>A suggestion with its issue's title and the entry it is about (null: the whole issue, or no longer in it).</summary>
public sealed record SuggestionView(CorrectionSuggestion Suggestion, string? IssueTitle, IssueEntry? Entry);

/// <summary>The moderation queue: pending suggestions (and how many in all) and the latest decided ones.</summary>
public sealed record CorrectionQueue(IReadOnlyList<SuggestionView> Pending, int PendingCount, IReadOnlyList<SuggestionView> Decided);

/// <summary>A suggestion published as an erratum, and the correction as recorded (its mailing, if one was asked for).</summary>
public sealed record PublishedSuggestion(CorrectionSuggestion Suggestion, RecordedCorrection Recorded);
