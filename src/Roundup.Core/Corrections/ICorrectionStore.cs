using Roundup.Calendar;
using Roundup.Papers;

namespace Roundup.Corrections;

/// <summary>Readers' suggested corrections and what the curators decided about them.</summary>
public interface ICorrectionStore
{
    /// <summary>Keeps a new suggestion as <see cref="SuggestionStatus.Pending"/> and returns it with its id.</summary>
    Task<CorrectionSuggestion> AddAsync(IssueWeek week, ArxivId? paper, string text, string? contact, DateTimeOffset received, CancellationToken cancellationToken = default);

    Task<CorrectionSuggestion?> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Suggestions in <paramref name="status"/>, at most <paramref name="limit"/>: pending ones oldest first (a queue),
    /// decided ones most recently decided first.
    /// </summary>
    Task<IReadOnlyList<CorrectionSuggestion>> ListAsync(SuggestionStatus status, int limit, CancellationToken cancellationToken = default);

    Task<int> CountAsync(SuggestionStatus status, CancellationToken cancellationToken = default);

    /// <summary>
    /// Decides a pending suggestion (<see cref="SuggestionStatus.Published"/> or <see cref="SuggestionStatus.Rejected"/>)
    /// in one statement, so two curators cannot both decide it; null when it is unknown or no longer pending.
    /// </summary>
    Task<CorrectionSuggestion?> DecideAsync(long id, SuggestionStatus status, string curator, DateTimeOffset decided, CancellationToken cancellationToken = default);

    /// <summary>Records the erratum a published suggestion became; false unless it is published without one yet.</summary>
    Task<bool> SetErratumAsync(long id, int erratum, CancellationToken cancellationToken = default);

    /// <summary>Puts a decided suggestion that became no erratum back in the queue; false otherwise.</summary>
    Task<bool> ReopenAsync(long id, CancellationToken cancellationToken = default);
}
