using System.Text.Json;
using System.Text.RegularExpressions;
using Roundup.Testing;

namespace Roundup.Cli.Tests;

/// <summary>The benchmark week from listing files to a published issue: write, edit, rewrite, approve, publish, correct.</summary>
public sealed partial class IssueLifecycleTests : IDisposable
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

        var publish = await RoundupCli.RunAsync(_dir.Path, "publish", "--week", "2025-W26");
        Assert.True(publish.ExitCode == 0, publish.Stderr);
        var site = _dir.File("out/site");
        Assert.True(File.Exists(Path.Combine(site, "issues/2025-W26.html")));
        var atom = await File.ReadAllTextAsync(Path.Combine(site, "atom.xml"));
        Assert.Contains("A curator-written one-liner.", await File.ReadAllTextAsync(Path.Combine(site, "issues/2025-W26.html")), StringComparison.Ordinal);

        var correct = await RoundupCli.RunAsync(_dir.Path, "correct", "--week", "2025-W26", "--paper", first, "--text", "The speed-up was measured on one GPU only.");
        Assert.True(correct.ExitCode == 0, correct.Stderr);
        Assert.Contains("archive and feeds rebuilt", correct.Stdout, StringComparison.Ordinal);
        Assert.Contains("measured on one GPU only", await File.ReadAllTextAsync(Path.Combine(site, "issues/2025-W26.html")), StringComparison.Ordinal);
        Assert.NotEqual(Updated().Match(atom).Value, Updated().Match(await File.ReadAllTextAsync(Path.Combine(site, "atom.xml"))).Value);
    }

    [GeneratedRegex(@"^(\d+) of (\d+) claims found in the papers$")]
    private static partial Regex GroundingLine();

    [GeneratedRegex(@"^\*\*TL;DR:\*\* ", RegexOptions.Multiline)]
    private static partial Regex TldrLine();

    [GeneratedRegex(@"\[arXiv:(\d{4}\.\d{5})v\d+\]")]
    private static partial Regex ArxivLink();

    [GeneratedRegex(@"<entry>.*?<updated>[^<]+</updated>", RegexOptions.Singleline)]
    private static partial Regex Updated();
}
