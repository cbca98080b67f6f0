using Roundup.Calendar;
using Roundup.Issues;
using Roundup.Papers;

namespace Roundup.Testing;

/// <summary>
/// The tests' sample issue, "Verifiers everywhere": written on 26 June 2025 and, unless a draft, approved the next
/// morning; its entries are <see cref="SelfVerifying"/> and <see cref="Planning"/> or any the test gives.
/// </summary>
public static class SampleIssues
{
    /// <summary>The first sample paper, 2506.01234 in cs.CL.</summary>
    public static IssueEntry SelfVerifying { get; } = new()
    {
        Id = ArxivId.Parse("2506.01234"),
        Title = "Self-Verifying Chains of Thought",
        Authors = ["Mira Okafor"],
        Categories = ["cs.CL"],
        Text = new EntryText("A model checks each step.", ["It gains 6.3 points on MATH."], "A clean ablation."),
        Writer = "offline",
    };

    /// <summary>The second sample paper, 2506.03579 in cs.LG.</summary>
    public static IssueEntry Planning { get; } = new()
    {
        Id = ArxivId.Parse("2506.03579"),
        Title = "Planning with Small World Models",
        Authors = ["Jun Sato"],
        Categories = ["cs.LG"],
        Text = new EntryText("A small world model plus tree search.", ["Planning in latent space."], "Honest about long horizons."),
        Writer = "offline",
    };

    /// <summary>The issue for <paramref name="week"/> in <paramref name="status"/>, one "Reasoning" section of <paramref name="entries"/> (both sample papers when none).</summary>
    public static Issue Issue(IssueWeek week, IssueStatus status, params IssueEntry[] entries) => new()
    {
        Week = week,
        Title = "Verifiers everywhere",
        Intro = "Models that check their own steps.",
        Status = status,
        Version = 1,
        Written = new DateTimeOffset(2025, 6, 26, 20, 0, 0, TimeSpan.Zero),
        Approved = status == IssueStatus.Draft ? null : new DateTimeOffset(2025, 6, 27, 8, 0, 0, TimeSpan.Zero),
        Sections = [new IssueSection("Reasoning", entries.Length == 0 ? [SelfVerifying, Planning] : entries)],
    };
}
