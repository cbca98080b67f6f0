using Roundup.Application.Hosting;
using Roundup.Calendar;
using Roundup.Issues;
using Roundup.Papers;

namespace Roundup.Application.Issues;

/// <summary>
/// The curator's arrangement of an issue: a paper up or down in its section, a section up or down, a paper moved to
/// another section, and the issue's own title and intro. Each change is saved as the issue's next version, as
/// <see cref="EditEntry"/> saves an entry's words, and keeps the issue's status (an approved issue stays approved).
/// A section left without papers is removed. The title and intro are the curator's (<see cref="Issue.CuratorTitle"/>)
/// and survive a rewrite; the arrangement is the writer's again after one.
/// </summary>
public sealed class ArrangeIssue(RoundupHost host)
{
    /// <summary>Moves a paper <paramref name="by"/> places within its section (−1 up, +1 down).</summary>
    public Task<Issue> MoveEntryAsync(IssueWeek week, ArxivId id, int by, CancellationToken ct) =>
        ChangeAsync(week, issue =>
        {
            var (s, e) = Find(issue, id);
            var entries = issue.Sections[s].Entries.ToList();
            var to = e + by;
            if (to < 0 || to >= entries.Count)
            {
                throw new UsageException($"{id.Canonical} is already {(by < 0 ? "first" : "last")} in its section");
            }

            (entries[e], entries[to]) = (entries[to], entries[e]);
            return WithSection(issue, s, issue.Sections[s] with { Entries = entries });
        }, ct);

    /// <summary>Moves the section at <paramref name="section"/> (0 is the first) <paramref name="by"/> places.</summary>
    public Task<Issue> MoveSectionAsync(IssueWeek week, int section, int by, CancellationToken ct) =>
        ChangeAsync(week, issue =>
        {
            var sections = issue.Sections.ToList();
            CheckSection(issue, section);
            var to = section + by;
            if (to < 0 || to >= sections.Count)
            {
                throw new UsageException($"the section '{sections[section].Topic}' is already {(by < 0 ? "first" : "last")}");
            }

            (sections[section], sections[to]) = (sections[to], sections[section]);
            return issue with { Sections = sections };
        }, ct);

    /// <summary>Moves a paper to the end of another section; a section it leaves empty is removed.</summary>
    public Task<Issue> MoveToSectionAsync(IssueWeek week, ArxivId id, int section, CancellationToken ct) =>
        ChangeAsync(week, issue =>
        {
            CheckSection(issue, section);
            var (s, e) = Find(issue, id);
            if (s == section)
            {
                throw new UsageException($"{id.Canonical} is already in the section '{issue.Sections[s].Topic}'");
            }

            var entry = issue.Sections[s].Entries[e];
            var sections = issue.Sections.Select((x, i) =>
                i == s ? x with { Entries = x.Entries.Where((_, j) => j != e).ToList() }
                : i == section ? x with { Entries = [.. x.Entries, entry] }
                : x).Where(x => x.Entries.Count > 0).ToList();
            return issue with { Sections = sections };
        }, ct);

    /// <summary>
    /// The curator's title and intro (null leaves one as it is; empty gives it back to the writer, whose text stays
    /// until the next rewrite; the writer's own text sent back unchanged stays the writer's). Line breaks in the title
    /// become spaces.
    /// </summary>
    public Task<Issue> RetitleAsync(IssueWeek week, string? title, string? intro, CancellationToken ct) =>
        ChangeAsync(week, issue =>
        {
            var changed = issue;
            if (title is not null)
            {
                var clean = string.Join(' ', title.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
                changed = clean.Length == 0 ? changed with { CuratorTitle = null }
                    : clean == issue.Title && issue.CuratorTitle is null ? changed
                    : changed with { Title = clean, CuratorTitle = clean };
            }

            if (intro is not null)
            {
                var clean = intro.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
                changed = clean.Length == 0 ? changed with { CuratorIntro = null }
                    : clean == issue.Intro.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() && issue.CuratorIntro is null ? changed
                    : changed with { Intro = clean, CuratorIntro = clean };
            }

            return changed;
        }, ct);

    private async Task<Issue> ChangeAsync(IssueWeek week, Func<Issue, Issue> change, CancellationToken ct)
    {
        var versions = new IssueVersions(host);
        var issue = await versions.LoadAsync(week, ct);
        return await versions.SaveAsync(issue, change(issue), ct);
    }

    private static (int Section, int Entry) Find(Issue issue, ArxivId id)
    {
        for (var s = 0; s < issue.Sections.Count; s++)
        {
            for (var e = 0; e < issue.Sections[s].Entries.Count; e++)
            {
                if (issue.Sections[s].Entries[e].Id.Canonical == id.Canonical)
                {
                    return (s, e);
                }
            }
        }

        throw new UsageException($"{id.Canonical} is not in the {issue.Week} issue");
    }

    private static void CheckSection(Issue issue, int section)
    {
        if (section < 0 || section >= issue.Sections.Count)
        {
            throw new UsageException($"the {issue.Week} issue has no section {section + 1} (it has {issue.Sections.Count})");
        }
    }

    private static Issue WithSection(Issue issue, int index, IssueSection section) =>
        issue with { Sections = issue.Sections.Select((s, i) => i == index ? section : s).ToList() };
}
