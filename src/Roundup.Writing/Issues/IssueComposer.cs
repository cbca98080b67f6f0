using System.Globalization;
using Microsoft.Extensions.Logging;
using Roundup.FullText.Facts;
using Roundup.Issues;
using Roundup.Selection;
using Roundup.Writing.Pipeline;
using Roundup.Writing.Writers;

namespace Roundup.Writing.Issues;

/// <summary>
/// Writes a week's Draft issue from its picks: each entry through the grounded writer (the LLM or the offline writer,
/// grounding checked, falling back per paper), sections by theme, a title and an intro on the week's themes. The
/// curator's edits of the previous draft carry over to the same papers, so regeneration never overwrites them.
/// </summary>
public sealed class IssueComposer(GroundedWriter writer, IEmbedder embedder, TimeProvider time, ILogger logger)
{
    /// <summary>
    /// Writes all the entries at once, in the order given, elsewhere (workers); null writes them here, one after
    /// another, with the grounded writer.
    /// </summary>
    public Func<IReadOnlyList<PaperToWrite>, CancellationToken, Task<IReadOnlyList<GroundedEntry>>>? WriteEntries { get; init; }

    public async Task<(Issue Issue, WritingTally Tally)> ComposeAsync(IssueRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tally = new WritingTally();
        var coverage = new EarlierCoverage(embedder, request.EarlierIssues.Where(i => i.Week != request.Week), cancellationToken);
        var edits = request.Previous?.Entries.Where(e => e.Edits is not null).ToDictionary(e => e.Id.Canonical, e => e.Edits!) ?? [];
        var inputs = request.Picks.Select(pick =>
        {
            var paper = pick.Paper;
            return new PaperToWrite
            {
                Paper = paper,
                Evidence = pick.Evidence,
                Facts = pick.Evidence is null ? [] : FactExtractor.Extract(pick.Evidence),
                Reasons = pick.Reasons,
                Related = coverage.For(paper.Id, paper.Title, paper.Abstract, cancellationToken: cancellationToken),
            };
        }).ToList();
        var written = WriteEntries is null ? await WriteEachAsync(inputs, cancellationToken) : await WriteEntries(inputs, cancellationToken);
        var entries = new List<IssueEntry>();
        foreach (var (input, grounded) in inputs.Zip(written))
        {
            var paper = input.Paper;
            tally.Add(grounded);
            logger.LogInformation("{Entry}", grounded.Describe(paper.Id.ToString()));
            var flags = grounded.Entry.Flags.ToList();
            flags.AddRange(grounded.Unsupported.Select(c => $"removed '{c}': not found in the paper"));
            entries.Add(new IssueEntry
            {
                Id = paper.Id.WithVersion(paper.Version),
                Title = paper.Title,
                Authors = paper.Authors,
                Categories = paper.Categories,
                CodeUrl = input.Facts.FirstOrDefault(f => f.Kind == FactKind.CodeLink)?.Value,
                Text = grounded.Entry.Text,
                Edits = edits.GetValueOrDefault(paper.Id.Canonical),
                Writer = grounded.Entry.Writer,
                Flags = flags.Distinct(StringComparer.Ordinal).ToList(),
                Usage = WritingTally.ToEntryUsage(grounded.Entry.Usage),
            });
        }

        var groups = TopicGroups.Group(embedder, request.Picks.Select(p => $"{p.Paper.Title}. {p.Paper.Abstract}").ToList(), cancellationToken);
        var sections = groups.Select(g => new IssueSection(g.Topic, g.Members.Select(i => entries[i]).ToList())).ToList();
        var issue = new Issue
        {
            Week = request.Week,
            // The curator's own title and intro, like their words for an entry, survive the rewrite.
            Title = request.Previous?.CuratorTitle ?? Title(sections),
            Intro = request.Previous?.CuratorIntro ?? Intro(request, sections),
            CuratorTitle = request.Previous?.CuratorTitle,
            CuratorIntro = request.Previous?.CuratorIntro,
            Version = (request.Previous?.Version ?? 0) + 1,
            Written = time.GetUtcNow(),
            Sections = sections,
            Funnel = request.Funnel,
            Grounding = tally.Grounding,
            Corrections = request.Previous?.Corrections ?? [],
        };
        return (issue, tally);
    }

    private async Task<IReadOnlyList<GroundedEntry>> WriteEachAsync(List<PaperToWrite> inputs, CancellationToken cancellationToken)
    {
        var written = new List<GroundedEntry>(inputs.Count);
        foreach (var input in inputs)
        {
            written.Add(await writer.WriteGroundedAsync(input, cancellationToken));
        }

        return written;
    }

    /// <summary>The week's themes; the renderers put the newsletter's name and the week before it (subject, page, feed).</summary>
    private static string Title(List<IssueSection> sections)
    {
        var themes = sections.OrderByDescending(s => s.Entries.Count).Take(2).Select(s => s.Topic.ToLowerInvariant()).ToList();
        var about = themes.Count switch
        {
            0 => "no picks",
            1 => themes[0],
            _ => $"{themes[0]} and {themes[1]}",
        };
        return Capitalise(about);
    }

    private static string Intro(IssueRequest request, List<IssueSection> sections)
    {
        if (sections.Count == 0)
        {
            return "No paper was picked this week.";
        }

        var entered = request.Funnel.Count > 0 ? request.Funnel[0].Entered : request.Picks.Count;
        var themes = sections.OrderByDescending(s => s.Entries.Count)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Entries.Count} on {s.Topic.ToLowerInvariant()}"))
            .ToList();
        var list = themes.Count == 1 ? themes[0] : string.Join(", ", themes.Take(themes.Count - 1)) + " and " + themes[^1];
        var top = sections[0].Entries[0];
        return string.Create(CultureInfo.InvariantCulture,
            $"{request.Picks.Count} papers picked from {entered:N0} announced this week: {list}. First up, \"{top.Title}\": {top.Shown.Tldr}");
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
