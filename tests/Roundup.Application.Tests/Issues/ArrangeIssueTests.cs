using Microsoft.Extensions.Logging.Abstractions;
using Roundup.Application.Hosting;
using Roundup.Application.Issues;
using Roundup.Application.Settings;
using Roundup.Calendar;
using Roundup.Issues;
using Roundup.Papers;
using Roundup.Storage;
using Roundup.Testing;
using Roundup.Writing.Grounding;

namespace Roundup.Application.Tests.Issues;

/// <summary>The curator's arrangement and words, as the desk stores them: each change the issue's next version.</summary>
public sealed class ArrangeIssueTests : IAsyncLifetime
{
    private static readonly IssueWeek Week = IssueWeek.Parse("2025-W26");
    private readonly TempDirectory _dir = new();
    private RoundupHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = new RoundupHost(new RoundupOptions { Store = new StoreOptions { Path = _dir.File("roundup.db") } }, NullLoggerFactory.Instance, TimeProvider.System);
        await (await _host.StoreAsync(CancellationToken.None)).Issues.SaveAsync(Sample());
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Papers_and_sections_move_and_each_move_is_a_new_version_that_keeps_the_status()
    {
        var arrange = new ArrangeIssue(_host);
        var ct = TestContext.Current.CancellationToken;

        var moved = await arrange.MoveEntryAsync(Week, ArxivId.Parse("2506.00001"), 1, ct);
        Assert.Equal(2, moved.Version);
        Assert.Equal(IssueStatus.Approved, moved.Status);
        Assert.Equal(["2506.00002", "2506.00001"], moved.Sections[0].Entries.Select(e => e.Id.Canonical));

        var sections = await arrange.MoveSectionAsync(Week, 2, -1, ct);
        Assert.Equal(["Alpha", "Gamma", "Beta"], sections.Sections.Select(s => s.Topic));

        // Beta's only paper leaves it: the empty section goes.
        var across = await arrange.MoveToSectionAsync(Week, ArxivId.Parse("2506.00003"), 0, ct);
        Assert.Equal(["Alpha", "Gamma"], across.Sections.Select(s => s.Topic));
        Assert.Equal(["2506.00002", "2506.00001", "2506.00003"], across.Sections[0].Entries.Select(e => e.Id.Canonical));

        var stored = await (await _host.StoreAsync(ct)).Issues.GetAsync(Week, ct);
        Assert.Equal(4, stored!.Version);
        Assert.Equal(across.Sections.Select(s => s.Topic), stored.Sections.Select(s => s.Topic));

        var refused = await Assert.ThrowsAsync<UsageException>(() => arrange.MoveEntryAsync(Week, ArxivId.Parse("2506.00002"), -1, ct));
        Assert.Contains("already first", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<UsageException>(() => arrange.MoveToSectionAsync(Week, ArxivId.Parse("2506.00002"), 7, ct));
        Assert.Equal(4, (await (await _host.StoreAsync(ct)).Issues.GetAsync(Week, ct))!.Version);
    }

    [Fact]
    public async Task The_curators_title_and_intro_are_kept_apart_and_an_empty_one_goes_back_to_the_writer()
    {
        var arrange = new ArrangeIssue(_host);
        var ct = TestContext.Current.CancellationToken;

        // The form sends back the writer's words it was filled with: they stay the writer's.
        var untouched = await arrange.RetitleAsync(Week, "Alpha and beta", "The writer's intro.", ct);
        Assert.Null(untouched.CuratorTitle);
        Assert.Null(untouched.CuratorIntro);

        var titled = await arrange.RetitleAsync(Week, "Verifiers\nthat check", "  My own intro.  ", ct);
        Assert.Equal("Verifiers that check", titled.Title);
        Assert.Equal("Verifiers that check", titled.CuratorTitle);
        Assert.Equal("My own intro.", titled.CuratorIntro);

        var cleared = await arrange.RetitleAsync(Week, "", null, ct);
        Assert.Null(cleared.CuratorTitle);
        Assert.Equal("My own intro.", cleared.CuratorIntro);
    }

    [Fact]
    public async Task Words_saved_as_shown_are_the_curators_only_where_they_differ_from_the_writers()
    {
        var ct = TestContext.Current.CancellationToken;
        var saved = await new EditEntry(_host).RunShownAsync(Week, ArxivId.Parse("2506.00001"), new EntryText("My TL;DR.", ["Summary of 2506.00001."], "Commentary."), ct);
        var entry = saved.Entries.Single(e => e.Id.Canonical == "2506.00001");
        Assert.Equal("My TL;DR.", entry.Edits!.Tldr);
        Assert.Empty(entry.Edits.Summary);
        Assert.Equal("", entry.Edits.Commentary);

        var back = await new EditEntry(_host).RunShownAsync(Week, ArxivId.Parse("2506.00001"), new EntryText("", ["Summary of 2506.00001."], "Commentary."), ct);
        Assert.True(back.Entries.Single(e => e.Id.Canonical == "2506.00001").Automatic);
    }

    [Fact]
    public void The_check_places_each_unsupported_number_in_its_field()
    {
        var source = new GroundingSource(["The model reaches 45.1% accuracy on 3 benchmarks."], []);
        var tldr = "It reaches 45.1% and then 99.9% accuracy.";
        var check = CheckEntryText.Check(source, tldr, "First paragraph.\n\nIt needs 12345 GPUs.", "");

        Assert.Equal(2, check.Unsupported.Count);
        var inTldr = Assert.Single(check.Unsupported, c => c.Field == "tldr");
        Assert.Equal("number", inTldr.Kind);
        Assert.Equal(tldr.IndexOf(inTldr.Text, StringComparison.Ordinal), inTldr.Start);
        Assert.Contains("99.9", inTldr.Text, StringComparison.Ordinal);
        var inSummary = Assert.Single(check.Unsupported, c => c.Field == "summary");
        Assert.Equal("First paragraph.\n\nIt needs 12345 GPUs.".IndexOf("12345", StringComparison.Ordinal), inSummary.Start);
    }

    private static Issue Sample() => new()
    {
        Week = Week,
        Title = "Alpha and beta",
        Intro = "The writer's intro.",
        Status = IssueStatus.Approved,
        Written = DateTimeOffset.UnixEpoch,
        Sections =
        [
            new IssueSection("Alpha", [Entry("2506.00001"), Entry("2506.00002")]),
            new IssueSection("Beta", [Entry("2506.00003")]),
            new IssueSection("Gamma", [Entry("2506.00004")]),
        ],
    };

    private static IssueEntry Entry(string id) => new()
    {
        Id = ArxivId.Parse(id),
        Title = $"Paper {id}",
        Authors = ["Ada Lovelace"],
        Text = new EntryText($"TL;DR of {id}.", [$"Summary of {id}."], "Commentary."),
        Writer = "offline",
    };
}
