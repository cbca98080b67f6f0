using Microsoft.Extensions.Logging.Abstractions;
using Roundup.Calendar;
using Roundup.Issues;
using Roundup.Papers;
using Roundup.Selection;
using Roundup.Writing.Issues;
using Roundup.Writing.Offline;
using Roundup.Writing.Pipeline;

namespace Roundup.Writing.Tests.Issues;

public sealed class IssueComposerTests
{
    private static readonly IssueWeek Week = new(2025, 26);

    /// <summary>Bag-of-words vectors over a few topic words: enough to tell the themes and related papers apart.</summary>
    private sealed class WordEmbedder : IEmbedder
    {
        private static readonly string[] Words = ["language", "text", "reasoning", "image", "vision", "diffusion", "generation", "quantization", "memory", "speed", "benchmark", "agents", "reinforcement"];

        public string Model => "words";

        public int Dimensions => Words.Length + 1;

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            texts.Select(t =>
            {
                var v = Words.Select(w => (float)System.Text.RegularExpressions.Regex.Count(t, w, System.Text.RegularExpressions.RegexOptions.IgnoreCase)).Append(0.1f).ToArray();
                var norm = MathF.Sqrt(v.Sum(x => x * x));
                return v.Select(x => x / norm).ToArray();
            }).ToArray();
    }

    private static Paper P(string id, string title, string abstractText) =>
        new() { Id = ArxivId.Parse(id), Version = 2, Title = title, Abstract = abstractText, Authors = ["A. Author"], Categories = ["cs.LG"] };

    private static IssueComposer Composer()
    {
        var offline = new OfflineWriter();
        return new IssueComposer(new GroundedWriter(offline, offline, NullLogger.Instance), new WordEmbedder(), TimeProvider.System, NullLogger.Instance);
    }

    private static readonly PickToWrite[] Picks =
    [
        new(P("2506.00001", "Faster diffusion image generation", "We propose a sampler for diffusion image generation that is 3.2x faster on ImageNet."), ["picked"], null),
        new(P("2506.00002", "Quantization for memory and speed", "We introduce a quantization method that reduces memory by 40% and improves speed."), ["picked"], null),
        new(P("2506.00003", "Language reasoning with text", "We show that language models improve reasoning on text benchmarks by 5 points."), ["picked"], null),
    ];

    [Fact]
    public async Task Picks_become_sections_by_theme_in_rank_order_with_a_title_intro_and_full_grounding()
    {
        var (issue, tally) = await Composer().ComposeAsync(new IssueRequest { Week = Week, Picks = Picks, Funnel = [new FunnelCount("scope", 3030, 1606, "")] }, TestContext.Current.CancellationToken);

        Assert.Equal(IssueStatus.Draft, issue.Status);
        Assert.Equal(1, issue.Version);
        Assert.Equal(["Generative models", "Efficiency and systems", "Language models"], issue.Sections.Select(s => s.Topic));
        Assert.Equal(["2506.00001v2", "2506.00002v2", "2506.00003v2"], issue.Entries.Select(e => e.Id.ToString()));
        // The week's themes only: the e-mail subject, the issue page and the feeds put the name and week before it.
        Assert.Equal("Generative models and efficiency and systems", issue.Title);
        Assert.StartsWith("3 papers picked from 3,030 announced this week: 1 on generative models", issue.Intro, StringComparison.Ordinal);
        Assert.All(issue.Entries, e => Assert.Equal("offline", e.Writer));
        Assert.Equal(issue.Grounding.Checked, issue.Grounding.Found);
        Assert.True(issue.Grounding.Checked >= 3, issue.Grounding.ToString());
        Assert.Equal(issue.Grounding, tally.Grounding);
    }

    [Fact]
    public async Task Curator_edits_and_corrections_carry_over_and_earlier_coverage_is_named_in_the_commentary()
    {
        var composer = Composer();
        var (first, _) = await composer.ComposeAsync(new IssueRequest { Week = Week.Previous(), Picks = [Picks[0]] }, TestContext.Current.CancellationToken);
        var (draft, _) = await composer.ComposeAsync(new IssueRequest { Week = Week, Picks = Picks }, TestContext.Current.CancellationToken);
        var edited = draft with
        {
            Sections = draft.Sections.Select(s => s with { Entries = s.Entries.Select(e => e.Id.Canonical == "2506.00003" ? e with { Edits = new EntryText("Mine.", [], "") } : e).ToList() }).ToList(),
            Corrections = [new Correction(null, "Typo fixed.", DateTimeOffset.UnixEpoch)],
            Title = "The curator's headline",
            CuratorTitle = "The curator's headline",
        };
        var later = Picks[0] with { Paper = P("2506.00009", "Diffusion image generation, again faster", "A diffusion sampler for image generation.") };

        var (again, _) = await composer.ComposeAsync(new IssueRequest { Week = Week, Picks = [.. Picks, later], Previous = edited, EarlierIssues = [first] }, TestContext.Current.CancellationToken);

        Assert.Equal(2, again.Version);
        var kept = again.Entries.Single(e => e.Id.Canonical == "2506.00003");
        Assert.Equal("Mine.", kept.Shown.Tldr);
        var before = draft.Entries.Single(e => e.Id.Canonical == "2506.00003").Text;
        Assert.Equal(before.Tldr, kept.Text.Tldr);
        Assert.Equal(before.Summary, kept.Text.Summary);
        Assert.Equal(before.Commentary, kept.Text.Commentary);
        Assert.Equal("Typo fixed.", Assert.Single(again.Corrections).Text);
        // The curator's title survives the rewrite; the intro, never edited, is the writer's new one.
        Assert.Equal("The curator's headline", again.Title);
        Assert.Equal("The curator's headline", again.CuratorTitle);
        Assert.Null(again.CuratorIntro);
        Assert.NotEqual(draft.Intro, again.Intro);
        var related = again.Entries.Single(e => e.Id.Canonical == "2506.00009");
        Assert.Contains("Related to earlier issues: \u201cFaster diffusion image generation\u201d (2025-W25)", related.Text.Commentary, StringComparison.Ordinal);
        Assert.DoesNotContain("Related to earlier issues", again.Entries.Single(e => e.Id.Canonical == "2506.00001").Text.Commentary, StringComparison.Ordinal);
    }
}
