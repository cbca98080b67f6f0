using Roundup.Calendar;

namespace Roundup.Issues;

/// <summary>Issues by week, with every saved version kept.</summary>
public interface IIssueStore
{
    Task<Issue?> GetAsync(IssueWeek week, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a new version of the week's issue; its <see cref="Issue.Version"/> must be one more than the stored one
    /// (1 for a new week), else it is refused and nothing is saved.
    /// </summary>
    Task SaveAsync(Issue issue, CancellationToken cancellationToken = default);

    /// <summary>Every issue's latest version, newest week first (the archive).</summary>
    Task<IReadOnlyList<Issue>> ListAsync(CancellationToken cancellationToken = default);
}
