using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PuppeteerSharp;
using Roundup.Testing;
using Roundup.Testing.Browser;

namespace Roundup.Cli.Tests;

/// <summary>
/// The benchmark week from listing files to a published issue: write, edit, rewrite, approve, render to every
/// format, publish, correct, and the archive opened in headless Chromium.
/// </summary>
public sealed partial class IssueLifecycleTests(Chromium chromium) : IDisposable, IClassFixture<Chromium>
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_weekly_job_writes_a_grounded_draft_and_the_curator_takes_it_to_publication()
    {
        var listings = SharedData.Require("arxiv/listings");
        var run = await RoundupCli.RunAsync(_dir.Path, "run", "--week", "2025-W26", "--source", $"file:{listings}/2025-06-2*.jsonl", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var issue = json.RootElement.GetProperty("issue");
        Assert.Equal("Draft", issue.GetProperty("status").GetString());
        Assert.Equal(15, issue.GetProperty("papers").GetInt32());
        var grounding = GroundingLine().Match(issue.GetProperty("grounding").GetString()!);
        Assert.True(grounding.Success && grounding.Groups[1].Value == grounding.Groups[2].Value && int.Parse(grounding.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) > 15, issue.GetProperty("grounding").GetString());
        Assert.All(issue.GetProperty("preview").EnumerateArray(), f => Assert.True(File.Exists(f.GetString()), f.GetString()));

        var markdown = await RoundupCli.RunAsync(_dir.Path, "render", "--week", "2025-W26");
        Assert.True(markdown.ExitCode == 0, markdown.Stderr);
        Assert.Equal(15, TldrLine().Count(markdown.Stdout));
        var first = ArxivLink().Match(markdown.Stdout).Groups[1].Value;

        var edit = await RoundupCli.RunAsync(_dir.Path, "edit", "--week", "2025-W26", "--paper", first, "--tldr", "A curator-written one-liner.");
        Assert.True(edit.ExitCode == 0, edit.Stderr);
        var rewrite = await RoundupCli.RunAsync(_dir.Path, "write", "--week", "2025-W26");
        Assert.True(rewrite.ExitCode == 0, rewrite.Stderr);
        Assert.Contains("**TL;DR:** A curator-written one-liner.", rewrite.Stdout, StringComparison.Ordinal);

        var early = await RoundupCli.RunAsync(_dir.Path, "publish", "--week", "2025-W26");
        Assert.Equal(2, early.ExitCode);
        Assert.Contains("is a Draft: approve it first", early.Stderr, StringComparison.Ordinal);

        Assert.Equal(0, (await RoundupCli.RunAsync(_dir.Path, "approve", "--week", "2025-W26")).ExitCode);
        var refused = await RoundupCli.RunAsync(_dir.Path, "write", "--week", "2025-W26");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("is Approved", refused.Stderr, StringComparison.Ordinal);

        await AssertRendersToEveryFormat(ArxivLink().Matches(markdown.Stdout).Select(m => m.Groups[1].Value).Distinct().ToList());

        var publish = await RoundupCli.RunAsync(_dir.Path, "publish", "--week", "2025-W26");
        Assert.True(publish.ExitCode == 0, publish.Stderr);
        var site = _dir.File("out/site");
        Assert.True(File.Exists(Path.Combine(site, "issues/2025-W26.html")));
        var atom = await File.ReadAllTextAsync(Path.Combine(site, "atom.xml"));
        Assert.Contains("A curator-written one-liner.", await File.ReadAllTextAsync(Path.Combine(site, "issues/2025-W26.html")), StringComparison.Ordinal);

        // The feed's <updated> is written to the second: let publication's second pass, so the correction's time differs.
        await Task.Delay(TimeSpan.FromSeconds(1.1), TestContext.Current.CancellationToken);
        var correct = await RoundupCli.RunAsync(_dir.Path, "correct", "--week", "2025-W26", "--paper", first, "--text", "The speed-up was measured on one GPU only.");
        Assert.True(correct.ExitCode == 0, correct.Stderr);
        Assert.Contains("archive and feeds rebuilt", correct.Stdout, StringComparison.Ordinal);
        Assert.Contains("measured on one GPU only", await File.ReadAllTextAsync(Path.Combine(site, "issues/2025-W26.html")), StringComparison.Ordinal);
        Assert.NotEqual(Updated().Match(atom).Value, Updated().Match(await File.ReadAllTextAsync(Path.Combine(site, "atom.xml"))).Value);

        // Last, since it needs Chromium (and skips without it): the published, corrected archive in the browser.
        await AssertArchiveOpensInBrowser(site, markdown.Stdout);
    }

    /// <summary>The approved issue as Markdown, e-mail HTML and text, funnel figure, Atom, RSS, JSON Feed and archive pages.</summary>
    private async Task AssertRendersToEveryFormat(List<string> ids)
    {
        var render = await RoundupCli.RunAsync(_dir.Path, "render", "--week", "2025-W26", "--out", "rendered");
        Assert.True(render.ExitCode == 0, render.Stderr);
        var files = render.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var names = files.Select(f => Path.GetRelativePath(_dir.File("rendered"), f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["2025-W26-email.html", "2025-W26-email.txt", "2025-W26-funnel.svg", "2025-W26.atom.xml", "2025-W26.feed.json", "2025-W26.md", "2025-W26.rss.xml", Path.Combine("site", "index.html")],
            names);
        // One feed entry per issue, carrying every pick.
        Assert.Equal(15, ids.Count);
        var atom = XDocument.Load(_dir.File("rendered/2025-W26.atom.xml")).Descendants(XName.Get("entry", "http://www.w3.org/2005/Atom")).Single();
        var rss = XDocument.Load(_dir.File("rendered/2025-W26.rss.xml")).Descendants("item").Single();
        using var feed = JsonDocument.Parse(await File.ReadAllTextAsync(_dir.File("rendered/2025-W26.feed.json")));
        var item = Assert.Single(feed.RootElement.GetProperty("items").EnumerateArray().ToList());
        Assert.All(ids, id =>
        {
            Assert.Contains(id, atom.Value, StringComparison.Ordinal);
            Assert.Contains(id, rss.Value, StringComparison.Ordinal);
            Assert.Contains(id, item.GetProperty("content_html").GetString(), StringComparison.Ordinal);
        });
        Assert.Equal(15, TextTldrLine().Count(await File.ReadAllTextAsync(_dir.File("rendered/2025-W26-email.txt"))));
        Assert.Equal(15, Regex.Count(await File.ReadAllTextAsync(_dir.File("rendered/2025-W26-email.html")), "<strong>TL;DR:</strong>"));
        Assert.True(File.Exists(_dir.File("rendered/site/issues/2025-W26.html")));
    }

    /// <summary>The published archive of the benchmark week in Chromium: the funnel figure drawn, every pick shown.</summary>
    private async Task AssertArchiveOpensInBrowser(string site, string markdown)
    {
        var dialogs = new List<string>();
        await using var page = await chromium.NewPageAsync(dialogs);
        await page.GoToAsync(new Uri(Path.Combine(site, "index.html")).AbsoluteUri);
        // Wait for the navigation the click starts (waiting on the old page's context races its teardown).
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("a[href$='2025-W26.html']"));
        Assert.EndsWith("issues/2025-W26.html", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);

        var figure = await page.QuerySelectorAsync("figure.funnel svg");
        Assert.NotNull(figure);
        var box = await figure.BoundingBoxAsync();
        Assert.True(box is { Width: > 100, Height: > 100 }, $"the funnel figure is {box?.Width}×{box?.Height}");
        var counts = Count().Matches(await page.EvaluateFunctionAsync<string>("e => e.textContent", figure))
            .Select(m => int.Parse(m.Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(counts.Count > 0 && counts.Max() > 1000, $"the figure's counts: {string.Join(", ", counts)}");
        Assert.Contains(15, counts);

        var text = await page.EvaluateExpressionAsync<string>("document.body.innerText");
        var ids = ArxivLink().Matches(markdown).Select(m => m.Groups[1].Value).Distinct().ToList();
        foreach (var id in ids)
        {
            var height = await page.EvaluateFunctionAsync<double>("id => document.getElementById(id)?.getBoundingClientRect().height ?? -1", "p-" + id.Replace('.', '-'));
            Assert.True(height > 0, $"{id} has no anchor shown on the issue page");
        }

        Assert.Contains("A curator-written one-liner.", text, StringComparison.Ordinal);
        Assert.Empty(dialogs);
    }

    [GeneratedRegex(@"\b\d{1,3}(,\d{3})+\b|\b\d+\b")]
    private static partial Regex Count();

    [GeneratedRegex(@"^ *TL;DR: ", RegexOptions.Multiline)]
    private static partial Regex TextTldrLine();

    [GeneratedRegex(@"^(\d+) of (\d+) claims found in the papers$")]
    private static partial Regex GroundingLine();

    [GeneratedRegex(@"^\*\*TL;DR:\*\* ", RegexOptions.Multiline)]
    private static partial Regex TldrLine();

    [GeneratedRegex(@"\[arXiv:(\d{4}\.\d{5})v\d+\]")]
    private static partial Regex ArxivLink();

    [GeneratedRegex(@"<entry>.*?<updated>[^<]+</updated>", RegexOptions.Singleline)]
    private static partial Regex Updated();
}
