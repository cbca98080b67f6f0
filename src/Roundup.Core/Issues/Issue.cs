using Roundup.Calendar;

namespace Roundup.Issues;

/// <summary>
/// A week's newsletter: sections of entries grouped by topic, with the funnel that chose them. The generated text and
/// the curator's edits are kept apart (<see cref="IssueEntry.Edits"/>): regeneration replaces the former only.
/// </summary>
public sealed record Issue
{
    public required IssueWeek Week { get; init; }

    /// <summary>The headline: the week's themes ("Diffusion models and language models"), without the newsletter's name or the week, which renderers add.</summary>
    public required string Title { get; init; }

    /// <summary>The week's themes in a paragraph or two.</summary>
    public required string Intro { get; init; }

    /// <summary>
    /// The title the curator wrote, when they did: <see cref="Title"/> shows it, and a rewrite keeps it instead of the
    /// generated one (null: the title is the writer's).
    /// </summary>
    public string? CuratorTitle { get; init; }

    /// <summary>The intro the curator wrote, kept across rewrites like <see cref="CuratorTitle"/>.</summary>
    public string? CuratorIntro { get; init; }

    public IssueStatus Status { get; init; } = IssueStatus.Draft;

    /// <summary>1 for the first draft; each regeneration or edit adds one.</summary>
    public int Version { get; init; } = 1;

    public required DateTimeOffset Written { get; init; }

    public DateTimeOffset? Approved { get; init; }

    public DateTimeOffset? Published { get; init; }

    public required IReadOnlyList<IssueSection> Sections { get; init; }

    /// <summary>How many papers entered each stage and how many it kept, in funnel order.</summary>
    public IReadOnlyList<FunnelCount> Funnel { get; init; } = [];

    public GroundingSummary Grounding { get; init; } = new(0, 0);

    /// <summary>Errata published after the issue, newest last.</summary>
    public IReadOnlyList<Correction> Corrections { get; init; } = [];

    public IEnumerable<IssueEntry> Entries => Sections.SelectMany(s => s.Entries);

    /// <summary>The time a feed reports as the entry's last change: publication, or the latest correction.</summary>
    public DateTimeOffset Updated =>
        Corrections.Count > 0 ? Corrections.Max(c => c.Recorded) : Published ?? Approved ?? Written;
}
